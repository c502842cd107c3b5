using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Hosting;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.Simulators.Tests.KnovvuAnalytics;

/// <summary>Seed 000's example bodies are the contract: the simulator takes them as given and the wire records write them back.</summary>
public sealed class Seed000GoldenTests
{
    [Fact]
    public async Task The_seed_Departments_Agents_body_is_accepted_as_given()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenAsync();

        using var response = await ca.PostAsync(KnovvuAnalyticsApi.DepartmentsAgentsPath, Seed000.DepartmentsAgents, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DepartmentsAgentsAcknowledgement(1, 1), await response.Content.ReadFromJsonAsync<DepartmentsAgentsAcknowledgement>());
        var department = Assert.Single(ca.Simulator.Received.Departments);
        Assert.Equal((CaHarness.TenantA, Seed000.DepartmentExternalId, "VA.<TenantName>.<ProjectName>"), (department.Tenant, department.ExternalId, department.Value.Name));
        var agent = Assert.Single(ca.Simulator.Received.Agents).Value;
        Assert.Equal(
            (Seed000.AgentExternalId, Seed000.AgentExternalId, "<projectName>", "<channelId>", Seed000.DepartmentExternalId, true),
            (agent.ExternalId, agent.UserName, agent.Name, agent.Surname, agent.Department.ExternalId, agent.IsActive));
    }

    [Fact]
    public async Task The_seed_chat_body_is_accepted_as_given()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();

        using var response = await ca.PostChatAsync(Seed000.Chat, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new ChatAcknowledgement(Seed000.ChatExternalId, Duplicate: false), await response.Content.ReadFromJsonAsync<ChatAcknowledgement>());
        var chat = Assert.Single(ca.Simulator.Received.Chats);
        Assert.Equal((CaHarness.TenantA, KnovvuAnalyticsApi.ConversationTypes.Chat, 1), (chat.Tenant, chat.ConversationType, chat.ReceiveCount));
        var body = chat.Value;
        Assert.Equal(Seed000.AgentExternalId, body.Agent.ExternalId);
        Assert.Equal(DateTimeOffset.Parse("2025-08-26T07:04:40.5215216Z"), body.StartTime);
        Assert.Equal(3, body.Duration);
        Assert.Equal("Merhaba, ben Knovvu Sanal Asistan. Size nasıl yardımcı olabilirim?", Assert.Single(body.ChatLines).Text);
        Assert.Equal(("tr-TR", "{{uniqueCustomerKey}}", 1, null), (body.LanguageCode, body.UniqueCustomerKey, body.ReleasingPartyId, body.RatingForCsat));
        Assert.Equal(["additionalLanguages", "direction", "conversationType", "lcTransfer"], body.AttachedData.Select(d => d.Key));
    }

    public static TheoryData<string> SerializerOptions => ["default", "web"];

    [Theory]
    [MemberData(nameof(SerializerOptions))]
    public void The_wire_records_write_the_seed_chat_back_exactly(string options)
    {
        var chat = JsonSerializer.Deserialize<ChatRequest>(Seed000.Chat, StrictJson.Options)!;

        var written = JsonSerializer.Serialize(chat, Options(options));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Seed000.Chat), JsonNode.Parse(written)), written);
        Assert.Contains("\"StartTime\":\"2025-08-26T07:04:40.5215216Z\"", written);
        Assert.Contains("\"RatingForCsat\":null", written);
    }

    [Theory]
    [MemberData(nameof(SerializerOptions))]
    public void The_wire_records_write_the_seed_Departments_Agents_body_back_exactly(string options)
    {
        var request = JsonSerializer.Deserialize<DepartmentsAgentsRequest>(Seed000.DepartmentsAgents, StrictJson.Options)!;

        var written = JsonSerializer.Serialize(request, Options(options));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Seed000.DepartmentsAgents), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void A_time_with_an_offset_is_written_as_the_same_instant_in_UTC()
    {
        var line = new ChatLine { Time = DateTimeOffset.Parse("2025-08-26T10:04:40.5+03:00"), Text = "x", SideId = KnovvuAnalyticsApi.Sides.Customer };

        Assert.Equal("""{"Time":"2025-08-26T07:04:40.5Z","Text":"x","SideId":2}""", JsonSerializer.Serialize(line, JsonSerializerOptions.Web));
    }

    // Web defaults (camelCase) are what HttpClient's PostAsJsonAsync uses: the pinned names must win over them.
    private static JsonSerializerOptions Options(string name) => name == "web" ? JsonSerializerOptions.Web : JsonSerializerOptions.Default;
}
