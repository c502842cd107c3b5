using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// Builds what Genesys holds about a call between a customer and an agent: the analytics details (one voice session
/// each, the agent's recorded, with talk and handle metrics), the agent's call-ended event and the recordings.
/// </summary>
internal static class ConversationFactory
{
    public static SimulatedConversation Create(SimulatedOrg org, SimulatedUser agent, CallOptions options, DateTimeOffset now)
    {
        options.Validate();
        var start = ToMilliseconds(options.Start ?? now - options.Duration);
        var end = ToMilliseconds(start + options.Duration);
        var conversationId = Guid.NewGuid().ToString();
        var (customerId, agentId, customerSession, agentSession) = (NewId(), NewId(), NewId(), NewId());
        var ani = options.Ani ?? $"tel:+1555{Random.Shared.Next(10_000_000):D7}";
        var recordings = Enumerable.Range(0, options.Recordings)
            .Select(i => new SimulatedRecording(
                NewId(),
                conversationId,
                agentSession,
                ToMilliseconds(start + (options.Duration * i / options.Recordings)),
                ToMilliseconds(start + (options.Duration * (i + 1) / options.Recordings)),
                options.AudioBytes))
            .ToArray();

        var details = new AnalyticsConversation
        {
            ConversationId = conversationId,
            ConversationStart = start,
            ConversationEnd = options.InProgress ? null : end,
            OriginatingDirection = options.Direction,
            DivisionIds = [org.DivisionId],
            Participants =
            [
                new()
                {
                    ParticipantId = customerId,
                    ParticipantName = "Customer",
                    Purpose = GenesysCloudApi.Purposes.Customer,
                    Sessions = [Session(customerSession, options, ani, recorded: null, [Segment(start, end, "interact", null, "endpoint")], metrics: null)],
                },
                new()
                {
                    ParticipantId = agentId,
                    ParticipantName = agent.Name,
                    Purpose = GenesysCloudApi.Purposes.Agent,
                    UserId = agent.Id,
                    Sessions = [Session(agentSession, options, ani, recorded: recordings.Length > 0 ? true : null, AgentSegments(start, end, options), AgentMetrics(start, end))],
                },
            ],
        };

        var eventBody = new ConversationEventBody
        {
            Id = conversationId,
            Participants =
            [
                new()
                {
                    Id = customerId,
                    Name = "Customer",
                    Address = ani,
                    Purpose = GenesysCloudApi.Purposes.Customer,
                    State = GenesysCloudApi.ParticipantStates.Disconnected,
                    ConnectedTime = start,
                    EndTime = end,
                    DisconnectType = "endpoint",
                },
                new()
                {
                    Id = agentId,
                    Name = agent.Name,
                    Purpose = GenesysCloudApi.Purposes.Agent,
                    State = GenesysCloudApi.ParticipantStates.Disconnected,
                    UserId = agent.Id,
                    QueueId = options.QueueId,
                    ConnectedTime = start,
                    EndTime = end,
                    DisconnectType = options.DisconnectType,
                    Wrapup = options.WrapUpCode is null ? null : new() { Code = options.WrapUpCode },
                    RecordingState = recordings.Length > 0 ? "active" : "none",
                },
            ],
        };

        return new SimulatedConversation(org.Id, agent.Id, details, eventBody, recordings, options);
    }

    private static AnalyticsSession Session(string id, CallOptions options, string ani, bool? recorded, IReadOnlyList<AnalyticsSegment> segments, IReadOnlyList<AnalyticsMetric>? metrics) => new()
    {
        SessionId = id,
        MediaType = "voice",
        Direction = options.Direction,
        Ani = ani,
        Dnis = options.Dnis,
        Recording = recorded,
        Segments = segments,
        Metrics = metrics,
    };

    private static AnalyticsSegment[] AgentSegments(DateTimeOffset start, DateTimeOffset end, CallOptions options)
    {
        var interact = Segment(start, end, "interact", options.QueueId, options.DisconnectType) with { SegmentEnd = options.InProgress ? null : end };
        return options.WrapUpCode is null
            ? [interact]
            : [interact, Segment(end, end, "wrapup", options.QueueId, null) with { WrapUpCode = options.WrapUpCode }];
    }

    private static AnalyticsSegment Segment(DateTimeOffset start, DateTimeOffset end, string type, string? queueId, string? disconnectType) => new()
    {
        SegmentStart = start,
        SegmentEnd = end,
        SegmentType = type,
        QueueId = queueId,
        DisconnectType = disconnectType,
    };

    private static AnalyticsMetric[] AgentMetrics(DateTimeOffset start, DateTimeOffset end)
    {
        var milliseconds = (long)(end - start).TotalMilliseconds;
        return
        [
            new() { Name = "tTalk", Value = milliseconds, EmitDate = end },
            new() { Name = "tHandle", Value = milliseconds, EmitDate = end },
        ];
    }

    private static string NewId() => Guid.NewGuid().ToString();

    // Genesys keeps milliseconds; so do the details here, so that times compare equal after a JSON round trip.
    private static DateTimeOffset ToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
