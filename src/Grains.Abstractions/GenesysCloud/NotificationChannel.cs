using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>A notification channel (POST notifications/channels): open one websocket to <see cref="ConnectUri"/>.</summary>
public sealed record NotificationChannel
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>wss:// in production (ws:// from the simulator); needs no token.</summary>
    [JsonPropertyName("connectUri")]
    public required string ConnectUri { get; init; }

    /// <summary>When the channel goes away unless a subscription request extends it.</summary>
    [JsonPropertyName("expires")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    public required DateTimeOffset Expires { get; init; }
}
