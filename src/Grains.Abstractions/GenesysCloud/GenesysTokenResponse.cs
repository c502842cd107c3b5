using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>The login server's answer to a client-credentials token request.</summary>
public sealed record GenesysTokenResponse
{
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    /// <summary>"bearer".</summary>
    [JsonPropertyName("token_type")]
    public required string TokenType { get; init; }

    /// <summary>Seconds the token stays valid (a day unless the OAuth client says otherwise).</summary>
    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }
}
