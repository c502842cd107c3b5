namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// One call-ended event for one channel topic: delivered (<see cref="Loss"/> null: written to the channel's socket)
/// or lost, as Genesys loses it: nothing is queued for a channel without a socket.
/// </summary>
/// <param name="ChannelId">Null when no channel of the org was subscribed to the agent's topics.</param>
/// <param name="RaisedAt">When the call ended, on the simulator's clock.</param>
public sealed record ConversationNotification(string ConversationId, string TopicName, string? ChannelId, DateTimeOffset RaisedAt, NotificationLoss? Loss = null);

/// <summary>Why an event did not reach a client.</summary>
public enum NotificationLoss
{
    /// <summary>No live channel of the org held the agent's conversation topics.</summary>
    NoSubscriber,

    /// <summary>The subscribed channel had no websocket connected.</summary>
    NotConnected,

    /// <summary>The socket went away before the event was written to it.</summary>
    ConnectionEnded,
}
