using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

// Seed 002's names, casing and property order, pinned by attributes so that any serializer options write exactly
// these names; nullable fields are written as null, never left out. Ids the seed shows as GUIDs are strings here:
// they are written the same, and tenant ids of this system are not GUIDs.

/// <summary>The first event of a conversation, raised on ingest: all its metadata.</summary>
public sealed record ConversationCreatedForDataFeeder : IDataFeederPayload
{
    public static string EventType => DataFeederEventTypes.ConversationCreated;

    [JsonPropertyName("Conversation")]
    public required DataFeederConversation Conversation { get; init; }

    [JsonPropertyName("TenantId")]
    public required string TenantId { get; init; }
}

/// <summary>The conversation's metadata; <see cref="ExternalId"/> is the Kafka key and what later events refer to.</summary>
public sealed record DataFeederConversation
{
    [JsonPropertyName("ConversationId")]
    public required long ConversationId { get; init; }

    [JsonPropertyName("DepartmentId")]
    public required int DepartmentId { get; init; }

    [JsonPropertyName("AgentId")]
    public required string AgentId { get; init; }

    [JsonPropertyName("RatingForCSAT")]
    public int? RatingForCsat { get; init; }

    [JsonPropertyName("RatingForNPS")]
    public int? RatingForNps { get; init; }

    [JsonPropertyName("StartTime")]
    [JsonConverter(typeof(PayloadTimestampJsonConverter))]
    public required DateTimeOffset StartTime { get; init; }

    [JsonPropertyName("EndTime")]
    [JsonConverter(typeof(PayloadTimestampJsonConverter))]
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("Duration")]
    public int? Duration { get; init; }

    [JsonPropertyName("ExternalId")]
    public required string ExternalId { get; init; }

    /// <summary>ISO 639-1.</summary>
    [JsonPropertyName("LanguageCode")]
    public string? LanguageCode { get; init; }

    /// <summary>Seed 002 shows only an empty list; the items take seed 000's <c>AttachedData</c> shape (Key, Value).</summary>
    [JsonPropertyName("AttachedData")]
    public required IReadOnlyList<DataFeederAttachedData> AttachedData { get; init; }

    /// <summary>Call details; null for a chat, which seed 002 does not show (it shows a call).</summary>
    [JsonPropertyName("Call")]
    public DataFeederCall? Call { get; init; }
}

/// <summary>One entry of <c>AttachedData</c>.</summary>
public sealed record DataFeederAttachedData
{
    [JsonPropertyName("Key")]
    public required string Key { get; init; }

    [JsonPropertyName("Value")]
    public required string Value { get; init; }
}

/// <summary>The telephony part of a call conversation; durations in seconds.</summary>
public sealed record DataFeederCall
{
    [JsonPropertyName("DirectionId")]
    public required int DirectionId { get; init; }

    [JsonPropertyName("CallerNumber")]
    public string? CallerNumber { get; init; }

    [JsonPropertyName("CalledNumber")]
    public string? CalledNumber { get; init; }

    [JsonPropertyName("ReleasingPartyId")]
    public required int ReleasingPartyId { get; init; }

    [JsonPropertyName("HoldCount")]
    public required int HoldCount { get; init; }

    [JsonPropertyName("TotalHoldDuration")]
    public int? TotalHoldDuration { get; init; }

    [JsonPropertyName("MaxHoldDuration")]
    public int? MaxHoldDuration { get; init; }
}
