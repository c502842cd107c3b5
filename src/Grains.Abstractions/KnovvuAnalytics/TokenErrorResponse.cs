using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

/// <summary>
/// The identity server's error answer (RFC 6749 §5.2): <c>invalid_request</c>, <c>invalid_client</c> (401),
/// <c>unsupported_grant_type</c>, <c>invalid_scope</c>.
/// </summary>
public sealed record TokenErrorResponse
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }
}
