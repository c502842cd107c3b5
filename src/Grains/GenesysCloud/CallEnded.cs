namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>An agent's call ended (the agent participant disconnected or terminated, with its end time set).</summary>
public sealed record CallEnded(string ConversationId, string AgentUserId, DateTimeOffset EndTime);

/// <summary>Why a channel's socket stopped being listened to; every case but cancellation means "connect again".</summary>
public enum ListenerStop
{
    /// <summary>The listener was asked to stop (the activation deactivates).</summary>
    Cancelled,

    /// <summary>The socket closed after <c>v2.system.socket_closing</c> (a maintenance close): move to a new channel.</summary>
    SocketClosing,

    /// <summary>The socket was closed or dropped (by Genesys, by the network, or by a second connection).</summary>
    Closed,

    /// <summary>Nothing arrived, not even a heartbeat, for longer than the heartbeat timeout: the socket is dead.</summary>
    HeartbeatMissed,
}
