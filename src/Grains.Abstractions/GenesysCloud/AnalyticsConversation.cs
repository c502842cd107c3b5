using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// A conversation's analytics details (GET analytics/conversations/{id}/details, and each item of the details
/// query): participants, their sessions (one per medium) and each session's segments and metrics.
/// </summary>
public sealed record AnalyticsConversation
{
    [JsonPropertyName("conversationId")]
    public required string ConversationId { get; init; }

    [JsonPropertyName("conversationStart")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    public required DateTimeOffset ConversationStart { get; init; }

    /// <summary>Absent while the conversation goes on.</summary>
    [JsonPropertyName("conversationEnd")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ConversationEnd { get; init; }

    /// <summary>"inbound" or "outbound".</summary>
    [JsonPropertyName("originatingDirection")]
    public required string OriginatingDirection { get; init; }

    [JsonPropertyName("divisionIds")]
    public required IReadOnlyList<string> DivisionIds { get; init; }

    [JsonPropertyName("participants")]
    public required IReadOnlyList<AnalyticsParticipant> Participants { get; init; }
}

public sealed record AnalyticsParticipant
{
    [JsonPropertyName("participantId")]
    public required string ParticipantId { get; init; }

    [JsonPropertyName("participantName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ParticipantName { get; init; }

    /// <summary>agent, customer, acd, ivr, external, …; see <see cref="GenesysCloudApi.Purposes"/>.</summary>
    [JsonPropertyName("purpose")]
    public required string Purpose { get; init; }

    [JsonPropertyName("userId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserId { get; init; }

    [JsonPropertyName("sessions")]
    public required IReadOnlyList<AnalyticsSession> Sessions { get; init; }
}

public sealed record AnalyticsSession
{
    [JsonPropertyName("sessionId")]
    public required string SessionId { get; init; }

    /// <summary>"voice", "chat", "email", …</summary>
    [JsonPropertyName("mediaType")]
    public required string MediaType { get; init; }

    [JsonPropertyName("direction")]
    public required string Direction { get; init; }

    [JsonPropertyName("ani")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ani { get; init; }

    [JsonPropertyName("dnis")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Dnis { get; init; }

    /// <summary>True when the session was recorded.</summary>
    [JsonPropertyName("recording")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Recording { get; init; }

    [JsonPropertyName("segments")]
    public required IReadOnlyList<AnalyticsSegment> Segments { get; init; }

    [JsonPropertyName("metrics")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AnalyticsMetric>? Metrics { get; init; }
}

public sealed record AnalyticsSegment
{
    [JsonPropertyName("segmentStart")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    public required DateTimeOffset SegmentStart { get; init; }

    [JsonPropertyName("segmentEnd")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? SegmentEnd { get; init; }

    /// <summary>"interact", "alert", "hold", "wrapup", …</summary>
    [JsonPropertyName("segmentType")]
    public required string SegmentType { get; init; }

    [JsonPropertyName("queueId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? QueueId { get; init; }

    /// <summary>"client", "endpoint", "peer", "system", "transfer", … on the segment that ended the session.</summary>
    [JsonPropertyName("disconnectType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DisconnectType { get; init; }

    [JsonPropertyName("wrapUpCode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WrapUpCode { get; init; }
}

/// <summary>A session metric such as <c>tTalk</c> or <c>tHandle</c> (milliseconds).</summary>
public sealed record AnalyticsMetric
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("value")]
    public required long Value { get; init; }

    [JsonPropertyName("emitDate")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    public required DateTimeOffset EmitDate { get; init; }
}
