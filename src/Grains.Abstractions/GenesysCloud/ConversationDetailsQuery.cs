using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The body of POST analytics/conversations/details/query: the conversations that started in
/// <see cref="Interval"/> (<see cref="GenesysCloudApi.Interval"/> writes it), a page at a time.
/// </summary>
public sealed record ConversationDetailsQuery
{
    /// <summary>"start/end" in ISO 8601 with a zone; the end is excluded.</summary>
    [JsonPropertyName("interval")]
    public required string Interval { get; init; }

    /// <summary>"asc" (the default) or "desc".</summary>
    [JsonPropertyName("order")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Order { get; init; }

    /// <summary>"conversationStart" (the default) and others.</summary>
    [JsonPropertyName("orderBy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OrderBy { get; init; }

    [JsonPropertyName("paging")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PagingSpec? Paging { get; init; }

    /// <summary>Genesys' filter trees, passed through as JSON.</summary>
    [JsonPropertyName("conversationFilters")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? ConversationFilters { get; init; }

    [JsonPropertyName("segmentFilters")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? SegmentFilters { get; init; }
}

/// <summary>Which page of the query: <see cref="PageNumber"/> counts from 1; the page size is at most 100.</summary>
public sealed record PagingSpec
{
    [JsonPropertyName("pageSize")]
    public required int PageSize { get; init; }

    [JsonPropertyName("pageNumber")]
    public required int PageNumber { get; init; }
}
