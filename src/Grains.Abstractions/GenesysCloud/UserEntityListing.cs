using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// One page of group members. <see cref="NextUri"/> is set while more pages follow; it is an absolute path
/// ("/api/v2/groups/…/members?pageSize=25&amp;pageNumber=2"): resolve it against the API base URL.
/// </summary>
public sealed record UserEntityListing
{
    [JsonPropertyName("entities")]
    public required IReadOnlyList<GenesysUser> Entities { get; init; }

    [JsonPropertyName("pageSize")]
    public required int PageSize { get; init; }

    /// <summary>Counts from 1.</summary>
    [JsonPropertyName("pageNumber")]
    public required int PageNumber { get; init; }

    [JsonPropertyName("total")]
    public required long Total { get; init; }

    [JsonPropertyName("pageCount")]
    public required int PageCount { get; init; }

    [JsonPropertyName("nextUri")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NextUri { get; init; }
}
