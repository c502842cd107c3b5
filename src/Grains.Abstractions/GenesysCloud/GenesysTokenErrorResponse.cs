using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The login server's error answer: <c>invalid_request</c>, <c>unsupported_grant_type</c> (400) or
/// <c>invalid_client</c> (401). Genesys repeats the text in <c>description</c> and <c>error_description</c>.
/// </summary>
public sealed record GenesysTokenErrorResponse
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    [JsonPropertyName("error_description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorDescription { get; init; }
}
