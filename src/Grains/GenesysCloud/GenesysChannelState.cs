using Orleans;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>What a channel grain keeps: the org (secret encrypted), its members, and the channel it last opened.</summary>
[GenerateSerializer, Alias("knovvu.GenesysChannelState")]
public sealed record GenesysChannelState
{
    [Id(0)]
    public required Uri ApiBaseUrl { get; init; }

    [Id(1)]
    public required Uri LoginBaseUrl { get; init; }

    [Id(2)]
    public required string ClientId { get; init; }

    [Id(3)]
    public required string ProtectedClientSecret { get; init; }

    [Id(4)]
    public List<string> MemberUserIds { get; init; } = [];

    [Id(5)]
    public string? ChannelId { get; init; }

    /// <summary>The channel's websocket address; Genesys gives it only when the channel is created.</summary>
    [Id(6)]
    public string? ConnectUri { get; init; }
}
