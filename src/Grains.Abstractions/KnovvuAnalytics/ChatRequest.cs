using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

// The body of POST Chats, PascalCase as in seed 000, properties in the seed's order, nulls written as null.
// Names are pinned by attributes so that any serializer options (web defaults included) write exactly these names.

/// <summary>One published VA session as a CA chat; <see cref="ExternalId"/> is CA's idempotency key.</summary>
public sealed record ChatRequest
{
    [JsonPropertyName("ExternalId")]
    public required string ExternalId { get; init; }

    [JsonPropertyName("Agent")]
    public required AgentReference Agent { get; init; }

    [JsonPropertyName("StartTime")]
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    public required DateTimeOffset StartTime { get; init; }

    [JsonPropertyName("EndTime")]
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Whole seconds.</summary>
    [JsonPropertyName("Duration")]
    public required int Duration { get; init; }

    [JsonPropertyName("RatingForCsat")]
    public int? RatingForCsat { get; init; }

    [JsonPropertyName("ChatLines")]
    public required IReadOnlyList<ChatLine> ChatLines { get; init; }

    [JsonPropertyName("ParticipantName")]
    public string? ParticipantName { get; init; }

    [JsonPropertyName("NetPromoterScore")]
    public int? NetPromoterScore { get; init; }

    [JsonPropertyName("ReleasingPartyId")]
    public int? ReleasingPartyId { get; init; }

    /// <summary>Always <see cref="KnovvuAnalyticsApi.SourceName"/>.</summary>
    [JsonPropertyName("SourceName")]
    public required string SourceName { get; init; }

    [JsonPropertyName("LanguageCode")]
    public string? LanguageCode { get; init; }

    [JsonPropertyName("UniqueCustomerKey")]
    public string? UniqueCustomerKey { get; init; }

    /// <summary>Key/value pairs; the keys are in <see cref="KnovvuAnalyticsApi.AttachedDataKeys"/>.</summary>
    [JsonPropertyName("AttachedData")]
    public required IReadOnlyList<AttachedDataItem> AttachedData { get; init; }
}

/// <summary>The CA agent (a VA channel) that handled the chat.</summary>
public sealed record AgentReference
{
    [JsonPropertyName("ExternalId")]
    public required string ExternalId { get; init; }
}

/// <summary>One text message; <see cref="SideId"/> is one of <see cref="KnovvuAnalyticsApi.Sides"/>.</summary>
public sealed record ChatLine
{
    [JsonPropertyName("Time")]
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    public required DateTimeOffset Time { get; init; }

    [JsonPropertyName("Text")]
    public required string Text { get; init; }

    [JsonPropertyName("SideId")]
    public required int SideId { get; init; }
}

/// <summary>One entry of <c>AttachedData</c>.</summary>
public sealed record AttachedDataItem
{
    [JsonPropertyName("Key")]
    public required string Key { get; init; }

    [JsonPropertyName("Value")]
    public required string Value { get; init; }
}
