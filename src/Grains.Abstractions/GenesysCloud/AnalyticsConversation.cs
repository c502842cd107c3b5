using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// A conversation's analytics details (GET analytics/conversations/{id}/details, and each item of the details
/// query): participants, their sessions (one per medium) and each session's segments and metrics.
/// </summary>
[GenerateSerializer, Alias("knovvu.AnalyticsConversation")]
public sealed record AnalyticsConversation
{
    [JsonPropertyName("conversationId")]
    [Id(0)]
    public required string ConversationId { get; init; }

    [JsonPropertyName("conversationStart")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [Id(1)]
    public required DateTimeOffset ConversationStart { get; init; }

    /// <summary>Absent while the conversation goes on.</summary>
    [JsonPropertyName("conversationEnd")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(2)]
    public DateTimeOffset? ConversationEnd { get; init; }

    /// <summary>"inbound" or "outbound".</summary>
    [JsonPropertyName("originatingDirection")]
    [Id(3)]
    public required string OriginatingDirection { get; init; }

    [JsonPropertyName("divisionIds")]
    [Id(4)]
    public required IReadOnlyList<string> DivisionIds { get; init; }

    [JsonPropertyName("participants")]
    [Id(5)]
    public required IReadOnlyList<AnalyticsParticipant> Participants { get; init; }
}

[GenerateSerializer, Alias("knovvu.AnalyticsParticipant")]
public sealed record AnalyticsParticipant
{
    [JsonPropertyName("participantId")]
    [Id(0)]
    public required string ParticipantId { get; init; }

    [JsonPropertyName("participantName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public string? ParticipantName { get; init; }

    /// <summary>agent, customer, acd, ivr, external, …; see <see cref="GenesysCloudApi.Purposes"/>.</summary>
    [JsonPropertyName("purpose")]
    [Id(2)]
    public required string Purpose { get; init; }

    [JsonPropertyName("userId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(3)]
    public string? UserId { get; init; }

    [JsonPropertyName("sessions")]
    [Id(4)]
    public required IReadOnlyList<AnalyticsSession> Sessions { get; init; }
}

[GenerateSerializer, Alias("knovvu.AnalyticsSession")]
public sealed record AnalyticsSession
{
    [JsonPropertyName("sessionId")]
    [Id(0)]
    public required string SessionId { get; init; }

    /// <summary>"voice", "chat", "email", …</summary>
    [JsonPropertyName("mediaType")]
    [Id(1)]
    public required string MediaType { get; init; }

    [JsonPropertyName("direction")]
    [Id(2)]
    public required string Direction { get; init; }

    [JsonPropertyName("ani")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(3)]
    public string? Ani { get; init; }

    [JsonPropertyName("dnis")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(4)]
    public string? Dnis { get; init; }

    /// <summary>True when the session was recorded.</summary>
    [JsonPropertyName("recording")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(5)]
    public bool? Recording { get; init; }

    [JsonPropertyName("segments")]
    [Id(6)]
    public required IReadOnlyList<AnalyticsSegment> Segments { get; init; }

    [JsonPropertyName("metrics")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(7)]
    public IReadOnlyList<AnalyticsMetric>? Metrics { get; init; }
}

[GenerateSerializer, Alias("knovvu.AnalyticsSegment")]
public sealed record AnalyticsSegment
{
    [JsonPropertyName("segmentStart")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [Id(0)]
    public required DateTimeOffset SegmentStart { get; init; }

    [JsonPropertyName("segmentEnd")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public DateTimeOffset? SegmentEnd { get; init; }

    /// <summary>"interact", "alert", "hold", "wrapup", …</summary>
    [JsonPropertyName("segmentType")]
    [Id(2)]
    public required string SegmentType { get; init; }

    [JsonPropertyName("queueId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(3)]
    public string? QueueId { get; init; }

    /// <summary>"client", "endpoint", "peer", "system", "transfer", … on the segment that ended the session.</summary>
    [JsonPropertyName("disconnectType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(4)]
    public string? DisconnectType { get; init; }

    [JsonPropertyName("wrapUpCode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(5)]
    public string? WrapUpCode { get; init; }
}

/// <summary>A session metric such as <c>tTalk</c> or <c>tHandle</c> (milliseconds).</summary>
[GenerateSerializer, Alias("knovvu.AnalyticsMetric")]
public sealed record AnalyticsMetric
{
    [JsonPropertyName("name")]
    [Id(0)]
    public required string Name { get; init; }

    [JsonPropertyName("value")]
    [Id(1)]
    public required long Value { get; init; }

    [JsonPropertyName("emitDate")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [Id(2)]
    public required DateTimeOffset EmitDate { get; init; }
}
