using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.VirtualAgent;

namespace KnovvuOrleans.VirtualAgent.Tests.VirtualAgent;

/// <summary>The bodies the VA sends to CA, against seed 000's examples with their placeholders filled in.</summary>
public sealed class VaToCaGoldenTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-08-26T07:04:40.5215216Z");
    private static readonly DateTimeOffset End = DateTimeOffset.Parse("2025-08-26T07:04:43.5626104Z");

    [Fact]
    public void Departments_agents_is_seed_000s_body()
    {
        var backlog = new VaCaBacklog(["p1"], [new VaPendingDepartment("p1", "Sales")], [new VaPendingAgent("p1", "Sales", "web")]);

        var body = JsonSerializer.Serialize(VaToCaMapping.ToDepartmentsAgents("acme", "Acme", backlog));

        AssertSameJson(Seed("departments-agents.json", ("<TenantName>", "Acme"), ("<ProjectName>", "Sales"), ("<projectName>", "Sales"),
            ("<TenantId>", "acme"), ("<ProjectId>", "p1"), ("<channelId>", "web")), body);
    }

    [Theory]
    [InlineData(false, "chat")]
    [InlineData(true, "call")]
    public void A_published_session_is_seed_000s_chat_body_and_IVR_sessions_are_calls(bool ivr, string conversationType)
    {
        var session = new VaSession
        {
            ExternalId = "session-1",
            Status = VaSessionStatus.Published,
            ProjectId = "p1",
            ChannelId = "web",
            StartTime = Start,
            EndTime = End,
            Messages = [new VaMessage(Start, "Merhaba, ben Knovvu Sanal Asistan. Size nasıl yardımcı olabilirim?", VaMessage.AgentSide)],
            Language = "tr-TR",
            AdditionalLanguages = ["tr-TR"],
            Direction = "inbound",
            CustomerKey = "customer-9",
            ReleasingParty = 1,
        };

        var body = JsonSerializer.Serialize(VaToCaMapping.ToChat("acme", session, ivr));

        var expected = JsonNode.Parse(Seed("chat.json", ("{{externalId}}", "session-1"), ("{{uniqueCustomerKey}}", "customer-9"),
            ("<TenantId>", "acme"), ("<ProjectId>", "p1"), ("<channelId>", "web")))!;
        expected["AttachedData"]![2]!["Value"] = conversationType;
        AssertSameJson(expected.ToJsonString(), body);
    }

    [Fact]
    public void Every_attached_data_key_is_sent_also_when_the_session_has_no_value_for_it()
    {
        var session = new VaSession
        {
            ExternalId = "bare",
            Status = VaSessionStatus.Published,
            ProjectId = "p1",
            ChannelId = "web",
            StartTime = Start,
            EndTime = Start,
            Messages = [],
            Direction = "outbound",
            LiveChatTransfer = true,
        };

        var attached = VaToCaMapping.ToChat("acme", session, isCall: false).AttachedData.ToDictionary(a => a.Key, a => a.Value);

        Assert.Equal(
            new Dictionary<string, string> { ["additionalLanguages"] = "", ["direction"] = "outbound", ["conversationType"] = "chat", ["lcTransfer"] = "true" },
            attached);
    }

    private static string Seed(string file, params (string Placeholder, string Value)[] values) =>
        values.Aggregate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed000", file)),
            (text, v) => text.Replace(v.Placeholder, v.Value, StringComparison.Ordinal));

    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual   {actual}");
}
