using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// A call that ended (or, from <see cref="ScriptedCalls.StartCall"/>, is still going): its analytics details, the event
/// that announced its end, and its recordings, which stay "transcoding" (answered 202) for the polls and the time
/// <see cref="CallOptions"/> asked for, and as long as the call goes on.
/// </summary>
public sealed class SimulatedConversation
{
    private readonly Lock _gate = new();
    private readonly int _transcodingPolls;
    private readonly DateTimeOffset _transcodedAt;
    private int _answeredTranscoding;
    private bool _transcoded;

    internal SimulatedConversation(
        string orgId,
        string agentUserId,
        AnalyticsConversation details,
        ConversationEventBody eventBody,
        IReadOnlyList<SimulatedRecording> recordings,
        CallOptions options)
    {
        OrgId = orgId;
        AgentUserId = agentUserId;
        Details = details;
        EventBody = eventBody;
        Recordings = recordings;
        EventPublished = options.PublishEvent;
        End = details.ConversationEnd ?? details.ConversationStart + options.Duration;
        _transcodingPolls = options.InProgress ? int.MaxValue : options.TranscodingPolls;
        _transcodedAt = End + options.TranscodingTime;
    }

    public string Id => Details.ConversationId;

    public string OrgId { get; }

    public string AgentUserId { get; }

    public DateTimeOffset Start => Details.ConversationStart;

    /// <summary>When the call ended, or, for a call still going, when it is planned to.</summary>
    public DateTimeOffset End { get; }

    /// <summary>What the details endpoint and the details query answer for it.</summary>
    public AnalyticsConversation Details { get; }

    /// <summary>The body of the call-ended event: the agent participant is disconnected with its end time.</summary>
    public ConversationEventBody EventBody { get; }

    public IReadOnlyList<SimulatedRecording> Recordings { get; }

    /// <summary>False for a call that ended without a notification.</summary>
    public bool EventPublished { get; }

    /// <summary>How many recordings requests were answered 202 so far.</summary>
    public int TranscodingAnswers
    {
        get
        {
            lock (_gate)
            {
                return _answeredTranscoding;
            }
        }
    }

    /// <summary>Counts a recordings request: true when transcoding is over (200 with media URIs), false for a 202.</summary>
    internal bool PollTranscoding(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_transcoded && _answeredTranscoding >= _transcodingPolls && now >= _transcodedAt)
            {
                _transcoded = true;
            }

            if (!_transcoded)
            {
                _answeredTranscoding++;
            }

            return _transcoded;
        }
    }
}
