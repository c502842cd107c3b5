using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The body of POST analytics/conversations/details/query: the conversations that started in
/// <see cref="Interval"/> (<see cref="GenesysCloudApi.Interval"/> writes it), a page at a time.
/// </summary>
[GenerateSerializer, Alias("knovvu.ConversationDetailsQuery")]
public sealed record ConversationDetailsQuery
{
    /// <summary>"start/end" in ISO 8601 with a zone; the end is excluded.</summary>
    [JsonPropertyName("interval")]
    [Id(0)]
    public required string Interval { get; init; }

    /// <summary>"asc" (the default) or "desc".</summary>
    [JsonPropertyName("order")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public string? Order { get; init; }

    /// <summary>"conversationStart" (the default) and others.</summary>
    [JsonPropertyName("orderBy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(2)]
    public string? OrderBy { get; init; }

    [JsonPropertyName("paging")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(3)]
    public PagingSpec? Paging { get; init; }

    /// <summary>Genesys' filter trees, passed through as JSON.</summary>
    [JsonPropertyName("conversationFilters")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(4)]
    public JsonElement? ConversationFilters { get; init; }

    [JsonPropertyName("segmentFilters")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(5)]
    public JsonElement? SegmentFilters { get; init; }
}

/// <summary>Which page of the query: <see cref="PageNumber"/> counts from 1; the page size is at most 100.</summary>
[GenerateSerializer, Alias("knovvu.PagingSpec")]
public sealed record PagingSpec
{
    [JsonPropertyName("pageSize")]
    [Id(0)]
    public required int PageSize { get; init; }

    [JsonPropertyName("pageNumber")]
    [Id(1)]
    public required int PageNumber { get; init; }
}
