namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>What a channel grain keeps: the org (secret encrypted), its members, and the channel it last opened.</summary>
public sealed record GenesysChannelState
{
    public required Uri ApiBaseUrl { get; init; }

    public required Uri LoginBaseUrl { get; init; }

    public required string ClientId { get; init; }

    public required string ProtectedClientSecret { get; init; }

    public List<string> MemberUserIds { get; init; } = [];

    public string? ChannelId { get; init; }

    /// <summary>The channel's websocket address; Genesys gives it only when the channel is created.</summary>
    public string? ConnectUri { get; init; }
}
