using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

// The body of POST Chats, PascalCase as in seed 000, properties in the seed's order, nulls written as null.
// Names are pinned by attributes so that any serializer options (web defaults included) write exactly these names.

/// <summary>One published VA session as a CA chat; <see cref="ExternalId"/> is CA's idempotency key.</summary>
[GenerateSerializer, Alias("knovvu.ChatRequest")]
public sealed record ChatRequest
{
    [JsonPropertyName("ExternalId")]
    [Id(0)]
    public required string ExternalId { get; init; }

    [JsonPropertyName("Agent")]
    [Id(1)]
    public required AgentReference Agent { get; init; }

    [JsonPropertyName("StartTime")]
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    [Id(2)]
    public required DateTimeOffset StartTime { get; init; }

    [JsonPropertyName("EndTime")]
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    [Id(3)]
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Whole seconds.</summary>
    [JsonPropertyName("Duration")]
    [Id(4)]
    public required int Duration { get; init; }

    [JsonPropertyName("RatingForCsat")]
    [Id(5)]
    public int? RatingForCsat { get; init; }

    [JsonPropertyName("ChatLines")]
    [Id(6)]
    public required IReadOnlyList<ChatLine> ChatLines { get; init; }

    [JsonPropertyName("ParticipantName")]
    [Id(7)]
    public string? ParticipantName { get; init; }

    [JsonPropertyName("NetPromoterScore")]
    [Id(8)]
    public int? NetPromoterScore { get; init; }

    [JsonPropertyName("ReleasingPartyId")]
    [Id(9)]
    public int? ReleasingPartyId { get; init; }

    /// <summary>Always <see cref="KnovvuAnalyticsApi.SourceName"/>.</summary>
    [JsonPropertyName("SourceName")]
    [Id(10)]
    public required string SourceName { get; init; }

    [JsonPropertyName("LanguageCode")]
    [Id(11)]
    public string? LanguageCode { get; init; }

    [JsonPropertyName("UniqueCustomerKey")]
    [Id(12)]
    public string? UniqueCustomerKey { get; init; }

    /// <summary>Key/value pairs; the keys are in <see cref="KnovvuAnalyticsApi.AttachedDataKeys"/>.</summary>
    [JsonPropertyName("AttachedData")]
    [Id(13)]
    public required IReadOnlyList<AttachedDataItem> AttachedData { get; init; }
}

/// <summary>The CA agent (a VA channel) that handled the chat.</summary>
[GenerateSerializer, Alias("knovvu.AgentReference")]
public sealed record AgentReference
{
    [JsonPropertyName("ExternalId")]
    [Id(0)]
    public required string ExternalId { get; init; }
}

/// <summary>One text message; <see cref="SideId"/> is one of <see cref="KnovvuAnalyticsApi.Sides"/>.</summary>
[GenerateSerializer, Alias("knovvu.ChatLine")]
public sealed record ChatLine
{
    [JsonPropertyName("Time")]
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    [Id(0)]
    public required DateTimeOffset Time { get; init; }

    [JsonPropertyName("Text")]
    [Id(1)]
    public required string Text { get; init; }

    [JsonPropertyName("SideId")]
    [Id(2)]
    public required int SideId { get; init; }
}

/// <summary>One entry of <c>AttachedData</c>.</summary>
[GenerateSerializer, Alias("knovvu.AttachedDataItem")]
public sealed record AttachedDataItem
{
    [JsonPropertyName("Key")]
    [Id(0)]
    public required string Key { get; init; }

    [JsonPropertyName("Value")]
    [Id(1)]
    public required string Value { get; init; }
}
