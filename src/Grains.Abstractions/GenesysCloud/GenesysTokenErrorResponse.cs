using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The login server's error answer: <c>invalid_request</c>, <c>unsupported_grant_type</c> (400) or
/// <c>invalid_client</c> (401). Genesys repeats the text in <c>description</c> and <c>error_description</c>.
/// </summary>
[GenerateSerializer, Alias("knovvu.GenesysTokenErrorResponse")]
public sealed record GenesysTokenErrorResponse
{
    [JsonPropertyName("error")]
    [Id(0)]
    public required string Error { get; init; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public string? Description { get; init; }

    [JsonPropertyName("error_description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(2)]
    public string? ErrorDescription { get; init; }
}
