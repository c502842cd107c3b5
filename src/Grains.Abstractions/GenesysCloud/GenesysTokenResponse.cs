using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>The login server's answer to a client-credentials token request.</summary>
[GenerateSerializer, Alias("knovvu.GenesysTokenResponse")]
public sealed record GenesysTokenResponse
{
    [JsonPropertyName("access_token")]
    [Id(0)]
    public required string AccessToken { get; init; }

    /// <summary>"bearer".</summary>
    [JsonPropertyName("token_type")]
    [Id(1)]
    public required string TokenType { get; init; }

    /// <summary>Seconds the token stays valid (a day unless the OAuth client says otherwise).</summary>
    [JsonPropertyName("expires_in")]
    [Id(2)]
    public required int ExpiresIn { get; init; }
}
