using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// Turns a conversation event into the seed-002 message the connector sends. Our VA data lacks some of CA's ids, so:
/// <c>ConversationId</c> is the conversation log's number; <c>AgentId</c> is the agent's external id (VA project and
/// channel, as the CA integration names it); <c>DepartmentId</c> is a stable 31-bit hash of the department's external
/// id (the same project always gives the same number); <c>Call</c> is null for chats and, for calls (IVR channels),
/// carries the direction (<see cref="InboundDirectionId"/>, the seed's example value, or <see cref="OutboundDirectionId"/>),
/// the releasing party (0 when unknown), no hold and no numbers.
/// </summary>
public static class DataFeederRecords
{
    public const int InboundDirectionId = 1285;

    public const int OutboundDirectionId = 1286;

    public const int UnknownReleasingPartyId = 0;

    public static DataFeederRecord From(ConversationEvent raised, Guid eventId, string? traceParent = null) =>
        new(raised.ExternalId, eventId, raised.EventType, raised.TenantId, Body(raised), traceParent);

    private static byte[] Body(ConversationEvent raised) => raised.EventType switch
    {
        DataFeederEventTypes.ConversationCreated => DataFeederMessageSerializer.Serialize(raised.RaisedAt, Created(raised)),
        DataFeederEventTypes.ConversationAnalyzed => DataFeederMessageSerializer.Serialize(raised.RaisedAt, Analyzed(raised)),
        DataFeederEventTypes.CategoryMatch => DataFeederMessageSerializer.Serialize(raised.RaisedAt, CategoryMatch(raised)),
        _ => throw new InvalidOperationException($"No Data Feeder message for event type '{raised.EventType}'."),
    };

    private static ConversationCreatedForDataFeeder Created(ConversationEvent raised)
    {
        var summary = raised.Conversation ?? throw new InvalidOperationException("A Created event carries the conversation.");
        return new ConversationCreatedForDataFeeder
        {
            TenantId = raised.TenantId,
            Conversation = new DataFeederConversation
            {
                ConversationId = summary.ConversationNumber,
                DepartmentId = StableId(summary.DepartmentExternalId),
                AgentId = summary.AgentExternalId,
                RatingForCsat = summary.RatingForCsat,
                RatingForNps = summary.RatingForNps,
                StartTime = summary.StartTime,
                EndTime = summary.EndTime,
                Duration = summary.DurationSeconds,
                ExternalId = raised.ExternalId,
                LanguageCode = summary.LanguageCode,
                AttachedData = summary.AttachedData.Select(kv => new DataFeederAttachedData { Key = kv.Key, Value = kv.Value }).ToList(),
                Call = summary.IsCall
                    ? new DataFeederCall
                    {
                        DirectionId = summary.Direction == "outbound" ? OutboundDirectionId : InboundDirectionId,
                        ReleasingPartyId = summary.ReleasingPartyId ?? UnknownReleasingPartyId,
                        HoldCount = 0,
                    }
                    : null,
            },
        };
    }

    private static ConversationAnalyzedForDataFeeder Analyzed(ConversationEvent raised)
    {
        var analysis = raised.Analysis ?? throw new InvalidOperationException("An Analyzed event carries the analysis.");
        return new ConversationAnalyzedForDataFeeder
        {
            ConversationExternalId = raised.ExternalId,
            Transcripts = analysis.Transcripts ?? [],
            AgentTensionRatio = analysis.AgentTensionRatio ?? 0,
            AgentMonotonicityRatio = analysis.AgentMonotonicityRatio ?? 0,
            CustomerTensionRatio = analysis.CustomerTensionRatio ?? 0,
            AverageCustomerSentimentScore = analysis.AverageCustomerSentimentScore ?? 0,
            AverageAgentSentimentScore = analysis.AverageAgentSentimentScore ?? 0,
            AiInsights = analysis.AiInsights,
        };
    }

    private static CategoryMatchForDataFeeder CategoryMatch(ConversationEvent raised)
    {
        var category = raised.Category ?? throw new InvalidOperationException("A Category Match event carries the category.");
        return new CategoryMatchForDataFeeder
        {
            ConversationExternalId = raised.ExternalId,
            CategoryId = category.CategoryId ?? 0,
            CategoryName = category.CategoryName ?? "",
        };
    }

    /// <summary>
    /// FNV-1a over the UTF-16 code units, folded to a positive int: stable across processes and versions. Not the
    /// runtime's partition hash: consumers keep these ids, so their numbering is pinned by a test and never changes.
    /// </summary>
    public static int StableId(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash & 0x7FFF_FFFF);
    }
}
