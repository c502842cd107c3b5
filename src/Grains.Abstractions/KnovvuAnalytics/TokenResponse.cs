using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

/// <summary>The identity server's answer to a client-credentials token request (RFC 6749 §5.1).</summary>
public sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    /// <summary>Seconds the token stays valid (about a day on the real service).</summary>
    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    public required string TokenType { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }
}
