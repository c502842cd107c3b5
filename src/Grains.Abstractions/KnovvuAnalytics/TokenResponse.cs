using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

/// <summary>The identity server's answer to a client-credentials token request (RFC 6749 §5.1).</summary>
[GenerateSerializer, Alias("knovvu.TokenResponse")]
public sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    [Id(0)]
    public required string AccessToken { get; init; }

    /// <summary>Seconds the token stays valid (about a day on the real service).</summary>
    [JsonPropertyName("expires_in")]
    [Id(1)]
    public required int ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    [Id(2)]
    public required string TokenType { get; init; }

    [JsonPropertyName("scope")]
    [Id(3)]
    public string? Scope { get; init; }
}
