using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

// Seed 002's names, casing and property order, pinned by attributes so that any serializer options write exactly
// these names; nullable fields are written as null, never left out. Ids the seed shows as GUIDs are strings here:
// they are written the same, and tenant ids of this system are not GUIDs.

/// <summary>The first event of a conversation, raised on ingest: all its metadata.</summary>
[GenerateSerializer, Alias("knovvu.ConversationCreatedForDataFeeder")]
public sealed record ConversationCreatedForDataFeeder : IDataFeederPayload
{
    public static string EventType => DataFeederEventTypes.ConversationCreated;

    [JsonPropertyName("Conversation")]
    [Id(0)]
    public required DataFeederConversation Conversation { get; init; }

    [JsonPropertyName("TenantId")]
    [Id(1)]
    public required string TenantId { get; init; }
}

/// <summary>The conversation's metadata; <see cref="ExternalId"/> is the Kafka key and what later events refer to.</summary>
[GenerateSerializer, Alias("knovvu.DataFeederConversation")]
public sealed record DataFeederConversation
{
    [JsonPropertyName("ConversationId")]
    [Id(0)]
    public required long ConversationId { get; init; }

    [JsonPropertyName("DepartmentId")]
    [Id(1)]
    public required int DepartmentId { get; init; }

    [JsonPropertyName("AgentId")]
    [Id(2)]
    public required string AgentId { get; init; }

    [JsonPropertyName("RatingForCSAT")]
    [Id(3)]
    public int? RatingForCsat { get; init; }

    [JsonPropertyName("RatingForNPS")]
    [Id(4)]
    public int? RatingForNps { get; init; }

    [JsonPropertyName("StartTime")]
    [JsonConverter(typeof(PayloadTimestampJsonConverter))]
    [Id(5)]
    public required DateTimeOffset StartTime { get; init; }

    [JsonPropertyName("EndTime")]
    [JsonConverter(typeof(PayloadTimestampJsonConverter))]
    [Id(6)]
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("Duration")]
    [Id(7)]
    public int? Duration { get; init; }

    [JsonPropertyName("ExternalId")]
    [Id(8)]
    public required string ExternalId { get; init; }

    /// <summary>ISO 639-1.</summary>
    [JsonPropertyName("LanguageCode")]
    [Id(9)]
    public string? LanguageCode { get; init; }

    /// <summary>Seed 002 shows only an empty list; the items take seed 000's <c>AttachedData</c> shape (Key, Value).</summary>
    [JsonPropertyName("AttachedData")]
    [Id(10)]
    public required IReadOnlyList<DataFeederAttachedData> AttachedData { get; init; }

    /// <summary>Call details; null for a chat, which seed 002 does not show (it shows a call).</summary>
    [JsonPropertyName("Call")]
    [Id(11)]
    public DataFeederCall? Call { get; init; }
}

/// <summary>One entry of <c>AttachedData</c>.</summary>
[GenerateSerializer, Alias("knovvu.DataFeederAttachedData")]
public sealed record DataFeederAttachedData
{
    [JsonPropertyName("Key")]
    [Id(0)]
    public required string Key { get; init; }

    [JsonPropertyName("Value")]
    [Id(1)]
    public required string Value { get; init; }
}

/// <summary>The telephony part of a call conversation; durations in seconds.</summary>
[GenerateSerializer, Alias("knovvu.DataFeederCall")]
public sealed record DataFeederCall
{
    [JsonPropertyName("DirectionId")]
    [Id(0)]
    public required int DirectionId { get; init; }

    [JsonPropertyName("CallerNumber")]
    [Id(1)]
    public string? CallerNumber { get; init; }

    [JsonPropertyName("CalledNumber")]
    [Id(2)]
    public string? CalledNumber { get; init; }

    [JsonPropertyName("ReleasingPartyId")]
    [Id(3)]
    public required int ReleasingPartyId { get; init; }

    [JsonPropertyName("HoldCount")]
    [Id(4)]
    public required int HoldCount { get; init; }

    [JsonPropertyName("TotalHoldDuration")]
    [Id(5)]
    public int? TotalHoldDuration { get; init; }

    [JsonPropertyName("MaxHoldDuration")]
    [Id(6)]
    public int? MaxHoldDuration { get; init; }
}
