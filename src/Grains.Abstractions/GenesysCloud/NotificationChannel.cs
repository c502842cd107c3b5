using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>A notification channel (POST notifications/channels): open one websocket to <see cref="ConnectUri"/>.</summary>
[GenerateSerializer, Alias("knovvu.NotificationChannel")]
public sealed record NotificationChannel
{
    [JsonPropertyName("id")]
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>wss:// in production (ws:// from the simulator); needs no token.</summary>
    [JsonPropertyName("connectUri")]
    [Id(1)]
    public required string ConnectUri { get; init; }

    /// <summary>When the channel goes away unless a subscription request extends it.</summary>
    [JsonPropertyName("expires")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [Id(2)]
    public required DateTimeOffset Expires { get; init; }
}
