using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

/// <summary>
/// The identity server's error answer (RFC 6749 §5.2): <c>invalid_request</c>, <c>invalid_client</c> (401),
/// <c>unsupported_grant_type</c>, <c>invalid_scope</c>.
/// </summary>
[GenerateSerializer, Alias("knovvu.TokenErrorResponse")]
public sealed record TokenErrorResponse
{
    [JsonPropertyName("error")]
    [Id(0)]
    public required string Error { get; init; }

    [JsonPropertyName("error_description")]
    [Id(1)]
    public string? ErrorDescription { get; init; }
}
