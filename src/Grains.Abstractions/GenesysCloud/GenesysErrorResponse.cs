using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The body of every Platform API error (4xx and 5xx): <c>code</c> is the machine-readable reason (see
/// <see cref="GenesysCloudApi.ErrorCodes"/>; a 429 carries <c>too.many.requests.retry.after</c> beside its
/// Retry-After header).
/// </summary>
public sealed record GenesysErrorResponse
{
    [JsonPropertyName("message")]
    public required string Message { get; init; }

    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("status")]
    public required int Status { get; init; }

    [JsonPropertyName("contextId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContextId { get; init; }
}
