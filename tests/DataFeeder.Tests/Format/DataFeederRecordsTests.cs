using System.Text;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.DataFeeder;

namespace KnovvuOrleans.DataFeeder.Tests.Format;

/// <summary>How a conversation event becomes the record the connector sends: key, event id, and the seed-002 body.</summary>
public sealed class DataFeederRecordsTests
{
    private static readonly DateTimeOffset Raised = new(2026, 1, 22, 8, 32, 4, TimeSpan.Zero);
    private static readonly Guid EventId = Guid.Parse("0193f3c4-0000-7000-8000-000000000001");

    private static ConversationSummary Summary(bool isCall, string direction = "inbound", int? releasingParty = null) => new(
        22, "VA.acme.p1.ivr", "VA.acme.p1", Raised.AddSeconds(-5), Raised, 5, "tr-TR", 4, null, direction, releasingParty,
        [new("direction", direction)], isCall);

    [Fact]
    public void A_call_becomes_ConversationCreated_keyed_by_external_id_with_the_stream_event_id_and_the_seed_fields()
    {
        var record = DataFeederRecords.From(
            new ConversationEvent(DataFeederEventTypes.ConversationCreated, "acme", "call-1.wav", Raised, Summary(isCall: true, releasingParty: 1306)), EventId);

        Assert.Equal(("call-1.wav", EventId, DataFeederEventTypes.ConversationCreated, "acme"), (record.Key, record.EventId, record.EventType, record.TenantId));
        var message = DataFeederMessageSerializer.Deserialize<ConversationCreatedForDataFeeder>(record.Body);
        var conversation = message.Payload.Conversation;
        Assert.Equal(Raised, message.TimestampOfMessage);
        Assert.Equal((22L, "VA.acme.p1.ivr", 5, "call-1.wav", 4), (conversation.ConversationId, conversation.AgentId, conversation.Duration, conversation.ExternalId, conversation.RatingForCsat));
        Assert.Equal(DataFeederRecords.StableId("VA.acme.p1"), conversation.DepartmentId);
        Assert.Equal((DataFeederRecords.InboundDirectionId, 1306, 0), (conversation.Call!.DirectionId, conversation.Call.ReleasingPartyId, conversation.Call.HoldCount));
        Assert.Contains("\"CallerNumber\":null", Encoding.UTF8.GetString(record.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chat_has_no_Call_and_an_outbound_call_without_a_releasing_party_gets_the_documented_ids()
    {
        var chat = DataFeederMessageSerializer.Deserialize<ConversationCreatedForDataFeeder>(DataFeederRecords.From(
            new ConversationEvent(DataFeederEventTypes.ConversationCreated, "acme", "chat-1", Raised, Summary(isCall: false)), EventId).Body);
        var outbound = DataFeederMessageSerializer.Deserialize<ConversationCreatedForDataFeeder>(DataFeederRecords.From(
            new ConversationEvent(DataFeederEventTypes.ConversationCreated, "acme", "call-2", Raised, Summary(isCall: true, "outbound")), EventId).Body);

        Assert.Null(chat.Payload.Conversation.Call);
        Assert.Equal((DataFeederRecords.OutboundDirectionId, DataFeederRecords.UnknownReleasingPartyId),
            (outbound.Payload.Conversation.Call!.DirectionId, outbound.Payload.Conversation.Call.ReleasingPartyId));
    }

    [Fact]
    public void Department_ids_are_stable_positive_numbers_pinned_across_versions()
    {
        Assert.Equal(DataFeederRecords.StableId("VA.acme.p1"), DataFeederRecords.StableId("VA.acme.p1"));
        Assert.NotEqual(DataFeederRecords.StableId("VA.acme.p1"), DataFeederRecords.StableId("VA.acme.p2"));
        // FNV-1a of "a" (0xE40C292C) with the top bit cleared: a change of the hash would renumber every department.
        Assert.Equal(0x640C292C, DataFeederRecords.StableId("a"));
    }

    [Fact]
    public void Analysis_and_category_become_their_minimal_events_with_the_external_id()
    {
        var analysis = new ConversationAnalysis(
            [new DataFeederTranscript { Channel = 2, Text = "iyi günler", Times = "1700 1740", StartTime = 1700, EndTime = 1740 }], 1, 87, 2, 3, 4);
        var analyzed = DataFeederMessageSerializer.Deserialize<ConversationAnalyzedForDataFeeder>(DataFeederRecords.From(
            new ConversationEvent(DataFeederEventTypes.ConversationAnalyzed, "acme", "x-1", Raised, null, analysis), EventId).Body).Payload;
        var category = DataFeederMessageSerializer.Deserialize<CategoryMatchForDataFeeder>(DataFeederRecords.From(
            new ConversationEvent(DataFeederEventTypes.CategoryMatch, "acme", "x-1", Raised, null, null, new CategoryResult(7, "Complaint")), EventId).Body).Payload;

        Assert.Equal(("x-1", "iyi günler", 1, 87, 2, 3, 4), (analyzed.ConversationExternalId, analyzed.Transcripts.Single().Text,
            analyzed.AgentTensionRatio, analyzed.AgentMonotonicityRatio, analyzed.CustomerTensionRatio,
            analyzed.AverageCustomerSentimentScore, analyzed.AverageAgentSentimentScore));
        Assert.Null(analyzed.AiInsights);
        Assert.Equal(("x-1", 7, "Complaint"), (category.ConversationExternalId, category.CategoryId, category.CategoryName));
    }
}
