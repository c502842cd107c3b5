using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The body of every Platform API error (4xx and 5xx): <c>code</c> is the machine-readable reason (see
/// <see cref="GenesysCloudApi.ErrorCodes"/>; a 429 carries <c>too.many.requests.retry.after</c> beside its
/// Retry-After header).
/// </summary>
[GenerateSerializer, Alias("knovvu.GenesysErrorResponse")]
public sealed record GenesysErrorResponse
{
    [JsonPropertyName("message")]
    [Id(0)]
    public required string Message { get; init; }

    [JsonPropertyName("code")]
    [Id(1)]
    public required string Code { get; init; }

    [JsonPropertyName("status")]
    [Id(2)]
    public required int Status { get; init; }

    [JsonPropertyName("contextId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(3)]
    public string? ContextId { get; init; }
}
