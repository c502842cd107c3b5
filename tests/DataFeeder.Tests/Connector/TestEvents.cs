using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.DataFeeder;

namespace KnovvuOrleans.DataFeeder.Tests.Connector;

/// <summary>
/// Data Feeder records as the relay will hand them over: one conversation's events in order (Created, Analyzed, then
/// category matches whose CategoryId is the event's sequence number), bodies from the real serializer.
/// </summary>
internal static class TestEvents
{
    private static readonly DateTimeOffset Raised = new(2026, 1, 22, 8, 32, 4, TimeSpan.Zero);

    public static DataFeederRecord Event(string tenantId, string externalId, int sequence) => sequence switch
    {
        0 => Record(tenantId, externalId, DataFeederMessageSerializer.Serialize(Raised, Created(tenantId, externalId)), ConversationCreatedForDataFeeder.EventType),
        1 => Record(tenantId, externalId, DataFeederMessageSerializer.Serialize(Raised, Analyzed(externalId)), ConversationAnalyzedForDataFeeder.EventType),
        _ => Record(tenantId, externalId, DataFeederMessageSerializer.Serialize(Raised, CategoryMatch(externalId, sequence)), CategoryMatchForDataFeeder.EventType),
    };

    /// <summary>The events of <paramref name="conversations"/> conversations, interleaved: event n of every conversation before event n + 1 of any.</summary>
    public static List<DataFeederRecord> Interleaved(string tenantId, IReadOnlyList<string> conversations, int eventsEach) =>
        Enumerable.Range(0, eventsEach)
            .SelectMany(sequence => conversations.Select(externalId => Event(tenantId, externalId, sequence)))
            .ToList();

    public static IReadOnlyList<string> Conversations(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => $"{prefix}-{i}.wav").ToList();

    /// <summary>The sequence number an event body carries (see <see cref="Event"/>).</summary>
    public static int SequenceOf(byte[] body, string eventType) => eventType switch
    {
        DataFeederEventTypes.ConversationCreated => 0,
        DataFeederEventTypes.ConversationAnalyzed => 1,
        _ => DataFeederMessageSerializer.Deserialize<CategoryMatchForDataFeeder>(body).Payload.CategoryId,
    };

    private static DataFeederRecord Record(string tenantId, string externalId, byte[] body, string eventType) =>
        new(externalId, Guid.NewGuid(), eventType, tenantId, body);

    private static ConversationCreatedForDataFeeder Created(string tenantId, string externalId) => new()
    {
        Conversation = new DataFeederConversation
        {
            ConversationId = 22, DepartmentId = 3, AgentId = "3a1e7c52-15c4-bbbf-76b7-04bcef21c305", ExternalId = externalId,
            StartTime = Raised.AddMinutes(-5), EndTime = Raised, Duration = 300, AttachedData = [],
            Call = new DataFeederCall { DirectionId = 1285, ReleasingPartyId = 1306, HoldCount = 0 },
        },
        TenantId = tenantId,
    };

    private static ConversationAnalyzedForDataFeeder Analyzed(string externalId) => new()
    {
        ConversationExternalId = externalId,
        Transcripts = [new DataFeederTranscript { Channel = DataFeederTranscript.AgentChannel, Text = "ürün destek şerif ben", Times = "0 40;560 1000", StartTime = 0, EndTime = 1000 }],
        AgentTensionRatio = 0, AgentMonotonicityRatio = 87, CustomerTensionRatio = 0, AverageCustomerSentimentScore = 0, AverageAgentSentimentScore = 0,
    };

    private static CategoryMatchForDataFeeder CategoryMatch(string externalId, int sequence) => new()
    {
        ConversationExternalId = externalId, CategoryId = sequence, CategoryName = $"category {sequence}",
    };
}
