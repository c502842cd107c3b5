using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Gateway.Tests.VirtualAgent;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Testing;

using Xunit.Abstractions;

namespace KnovvuOrleans.Gateway.Tests.DataFeeder;

/// <summary>
/// Analysis results and category matches posted through the gateway reach the tenant's Kafka topic after the
/// conversation's Created event, also when they arrive before the conversation (real PostgreSQL and Kafka endpoint).
/// </summary>
public sealed class ConversationResultFlowTests(ITestOutputHelper output)
{
    private static readonly string Tenant = VaHarness.Tenant;

    [Fact]
    public async Task Results_posted_before_and_after_the_session_follow_its_Created_event_and_a_refused_one_is_not_sent()
    {
        await using var harness = await VaHarness.StartAsync(integrationEnabled: false, output: output);
        var topic = $"gateway-flow-{Guid.NewGuid():N}";
        await SetFeederAsync(harness, topic, DataFeederEventTypes.All);

        Assert.Equal("held", (await PostAsync(harness, "df-call", "analysis", Bodies.Analysis))["outcome"]!.GetValue<string>());
        using (var refused = await harness.Api.SendAsync(HttpMethod.Post, $"/api/tenants/{Tenant}/conversations/df-chat/analysis", harness.Token,
                   Bodies.Analysis.Replace("\"AgentMonotonicityRatio\":87", "\"AgentMonotonicityRatio\":101", StringComparison.Ordinal)))
        {
            await ProblemAssert.IsProblemAsync(refused, 400, "agentMonotonicityRatio");
        }

        await harness.PostSessionsAsync([VaHarness.Session("df-call", "published", "ivr"), VaHarness.Session("df-chat", "published", "web")]);
        Assert.Equal("published", (await PostAsync(harness, "df-chat", "categories", Bodies.Category))["outcome"]!.GetValue<string>());

        IReadOnlyList<ConsumeResult<string, byte[]>> read = [];
        await Eventually.TrueAsync(() => (read = KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, topic))
            .Select(r => r.Header(KafkaDataFeederConnector.EventIdHeader)).Distinct().Count() >= 4, "four events in the topic", TimeSpan.FromSeconds(60));
        var events = read.OrderBy(r => r.Offset.Value).DistinctBy(r => r.Header(KafkaDataFeederConnector.EventIdHeader)).ToList();
        Assert.Equal(4, events.Count);
        Assert.Equal([DataFeederEventTypes.ConversationCreated, DataFeederEventTypes.ConversationAnalyzed], TypesOf(events, "df-call"));
        Assert.Equal([DataFeederEventTypes.ConversationCreated, DataFeederEventTypes.CategoryMatch], TypesOf(events, "df-chat"));

        var call = Created(events, "df-call");
        Assert.Equal(DataFeederRecords.InboundDirectionId, call.Payload.Conversation.Call!.DirectionId);
        Assert.Equal(Tenant, call.Payload.TenantId);
        Assert.Null(Created(events, "df-chat").Payload.Conversation.Call);
        var analyzed = DataFeederMessageSerializer.Deserialize<ConversationAnalyzedForDataFeeder>(
            events.Single(e => e.Message.Key == "df-call" && e.Header(KafkaDataFeederConnector.EventTypeHeader) == DataFeederEventTypes.ConversationAnalyzed).Message.Value);
        Assert.Equal("df-call", analyzed.Payload.ConversationExternalId);
        Assert.Equal(["ürün destek şerif ben", "iyi günler"], analyzed.Payload.Transcripts.Select(t => t.Text));
        Assert.Equal(87, analyzed.Payload.AgentMonotonicityRatio);
        var category = DataFeederMessageSerializer.Deserialize<CategoryMatchForDataFeeder>(
            events.Single(e => e.Header(KafkaDataFeederConnector.EventTypeHeader) == DataFeederEventTypes.CategoryMatch).Message.Value);
        Assert.Equal((7, "Complaint", "df-chat"), (category.Payload.CategoryId, category.Payload.CategoryName, category.Payload.ConversationExternalId));

        // A type the tenant no longer chooses is not sent, and not kept for later either.
        await SetFeederAsync(harness, topic, [DataFeederEventTypes.ConversationCreated]);
        Assert.Equal("not-sent", (await PostAsync(harness, "df-chat", "categories", Bodies.Category))["outcome"]!.GetValue<string>());
    }

    private static async Task<JsonNode> PostAsync(VaHarness harness, string externalId, string what, string body)
    {
        using var response = await harness.Api.SendAsync(HttpMethod.Post, $"/api/tenants/{Tenant}/conversations/{externalId}/{what}", harness.Token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static Task<JsonNode> SetFeederAsync(VaHarness harness, string topic, IReadOnlyList<string> eventTypes) =>
        harness.Api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{Tenant}/features", harness.HostToken, JsonSerializer.Serialize(new
        {
            dailyReports = new { enabled = false, retentionMonths = 1 },
            dataFeeder = new { enabled = true, eventTypes, topic },
            vaToCa = new { sessionsPerHourCap = 100_000 },
        }));

    private static List<string> TypesOf(List<ConsumeResult<string, byte[]>> events, string externalId) =>
        events.Where(e => e.Message.Key == externalId).Select(e => e.Header(KafkaDataFeederConnector.EventTypeHeader)).ToList();

    private static DataFeederMessage<ConversationCreatedForDataFeeder> Created(List<ConsumeResult<string, byte[]>> events, string externalId) =>
        DataFeederMessageSerializer.Deserialize<ConversationCreatedForDataFeeder>(events.Single(e =>
            e.Message.Key == externalId && e.Header(KafkaDataFeederConnector.EventTypeHeader) == DataFeederEventTypes.ConversationCreated).Message.Value);
}
