using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// One page of group members. <see cref="NextUri"/> is set while more pages follow; it is an absolute path
/// ("/api/v2/groups/…/members?pageSize=25&amp;pageNumber=2"): resolve it against the API base URL.
/// </summary>
[GenerateSerializer, Alias("knovvu.UserEntityListing")]
public sealed record UserEntityListing
{
    [JsonPropertyName("entities")]
    [Id(0)]
    public required IReadOnlyList<GenesysUser> Entities { get; init; }

    [JsonPropertyName("pageSize")]
    [Id(1)]
    public required int PageSize { get; init; }

    /// <summary>Counts from 1.</summary>
    [JsonPropertyName("pageNumber")]
    [Id(2)]
    public required int PageNumber { get; init; }

    [JsonPropertyName("total")]
    [Id(3)]
    public required long Total { get; init; }

    [JsonPropertyName("pageCount")]
    [Id(4)]
    public required int PageCount { get; init; }

    [JsonPropertyName("nextUri")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(5)]
    public string? NextUri { get; init; }
}
