using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.Tests.KnovvuAnalytics;

/// <summary>The simulator refuses what CA would refuse, naming the field, and stores nothing of it.</summary>
public sealed class SchemaValidationTests
{
    // Each case: a change to the seed chat, the error key expected, and a text the message must hold.
    private static readonly Dictionary<string, (Action<JsonObject> Change, string Key, string Says)> ChatCases = new()
    {
        ["ExternalId in camelCase"] = (c => Seed000.Rename(c, "ExternalId", "externalId"), "externalId", "could not be mapped"),
        ["Agent.ExternalId in lower case"] = (c => Seed000.Rename(c["Agent"]!.AsObject(), "ExternalId", "externalid"), "Agent.externalid", "could not be mapped"),
        ["ChatLines[0].SideId in camelCase"] = (c => Seed000.Rename(Line(c), "SideId", "sideId"), "ChatLines[0].sideId", "could not be mapped"),
        ["an unknown member"] = (c => c["Channel"] = "webchat", "Channel", "could not be mapped"),
        ["ExternalId missing"] = (c => c.Remove("ExternalId"), "$", "ExternalId"),
        ["Agent.ExternalId missing"] = (c => c["Agent"]!.AsObject().Remove("ExternalId"), "Agent", "ExternalId"),
        ["StartTime missing"] = (c => c.Remove("StartTime"), "$", "StartTime"),
        ["EndTime missing"] = (c => c.Remove("EndTime"), "$", "EndTime"),
        ["ChatLines missing"] = (c => c.Remove("ChatLines"), "$", "ChatLines"),
        ["SourceName missing"] = (c => c.Remove("SourceName"), "$", "SourceName"),
        ["ChatLines[0].Text missing"] = (c => Line(c).Remove("Text"), "ChatLines[0]", "Text"),
        ["ExternalId null"] = (c => c["ExternalId"] = null, "ExternalId", "null"),
        ["ExternalId empty"] = (c => c["ExternalId"] = " ", "ExternalId", "empty"),
        ["SideId 3"] = (c => Line(c)["SideId"] = 3, "ChatLines[0].SideId", "1 (agent) or 2 (customer)"),
        ["SideId as a string"] = (c => Line(c)["SideId"] = "1", "ChatLines[0].SideId", "could not be converted"),
        ["StartTime without a zone"] = (c => c["StartTime"] = "2025-08-26T07:04:40.5215216", "StartTime", "zone"),
        ["StartTime not a time"] = (c => c["StartTime"] = "yesterday", "StartTime", "ISO 8601"),
        ["EndTime before StartTime"] = (c => c["EndTime"] = "2025-08-26T07:04:39Z", "EndTime", "before StartTime"),
        ["Duration negative"] = (c => c["Duration"] = -1, "Duration", "negative"),
        ["another SourceName"] = (c => c["SourceName"] = "Knovvu VA", "SourceName", KnovvuAnalyticsApi.SourceName),
        ["AttachedData as an object"] = (c => c["AttachedData"] = new JsonObject { ["conversationType"] = "chat" }, "AttachedData", "could not be converted"),
        ["AttachedData Key in camelCase"] = (c => Seed000.Rename(c["AttachedData"]![0]!.AsObject(), "Key", "key"), "AttachedData[0].key", "could not be mapped"),
        ["conversationType missing"] = (c => c["AttachedData"]!.AsArray().RemoveAt(2), "AttachedData", "conversationType"),
        ["conversationType voice"] = (c => c["AttachedData"]![2]!["Value"] = "voice", "AttachedData[2].Value", "\"call\" or \"chat\""),
        ["an AttachedData key twice"] = (c => c["AttachedData"]!.AsArray().Add(new JsonObject { ["Key"] = "direction", ["Value"] = "outbound" }), "AttachedData[4].Key", "twice"),
    };

    public static TheoryData<string> ChatCaseNames => new(ChatCases.Keys);

    [Theory]
    [MemberData(nameof(ChatCaseNames))]
    public async Task A_chat_of_the_wrong_shape_is_refused_with_400_naming_the_field(string name)
    {
        var (change, key, says) = ChatCases[name];
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();

        using var response = await ca.PostChatAsync(Seed000.ChatWith(change), token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetValue(key, out var messages), $"no error for {key}: {string.Join("; ", errors.Keys)}");
        Assert.Contains(says, messages![0]);
        Assert.Empty(ca.Simulator.Received.Chats);
    }

    [Fact]
    public async Task A_chat_for_an_agent_CA_does_not_have_is_refused_with_422()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenAsync();

        using var response = await ca.PostChatAsync(Seed000.Chat, token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Departments-Agents", (await ErrorsAsync(response))["Agent.ExternalId"][0]);
        Assert.Empty(ca.Simulator.Received.Chats);
    }

    [Fact]
    public async Task An_agent_of_another_CA_tenant_is_unknown()
    {
        await using var ca = await CaHarness.StartAsync();
        await ca.TokenWithSeedAgentAsync(CaHarness.ClientA, CaHarness.SecretA);
        var tokenB = await ca.TokenAsync(CaHarness.ClientB, CaHarness.SecretB);

        using var response = await ca.PostChatAsync(Seed000.Chat, tokenB);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain", "{}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{\"ExternalId\": \"x\",", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "null", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[]", HttpStatusCode.BadRequest)]
    public async Task A_body_that_is_not_a_JSON_object_is_refused(string mediaType, string body, HttpStatusCode expected)
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();

        using var response = await ca.PostAsync(KnovvuAnalyticsApi.ChatsPath, body, token, mediaType);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(ca.Simulator.Received.Chats);
    }

    [Fact]
    public async Task A_property_given_twice_is_refused()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        var twice = Seed000.Chat.Replace("\"ExternalId\": \"{{externalId}}\",", "\"ExternalId\": \"a\", \"ExternalId\": \"b\",", StringComparison.Ordinal);

        using var response = await ca.PostChatAsync(twice, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Duplicate", (await ErrorsAsync(response))["ExternalId"][0]);
    }

    private static readonly Dictionary<string, (Action<JsonObject> Change, HttpStatusCode Status, string Key, string Says)> DepartmentsAgentsCases = new()
    {
        ["departments[0].externalId in lower case"] = (b => Seed000.Rename(Department(b), "externalId", "externalid"), HttpStatusCode.BadRequest, "departments[0].externalid", "could not be mapped"),
        ["agents[0].userName in PascalCase"] = (b => Seed000.Rename(Agent(b), "userName", "UserName"), HttpStatusCode.BadRequest, "agents[0].UserName", "could not be mapped"),
        ["agents[0].isActive missing"] = (b => Agent(b).Remove("isActive"), HttpStatusCode.BadRequest, "agents[0]", "isActive"),
        ["agents missing"] = (b => b.Remove("agents"), HttpStatusCode.BadRequest, "$", "agents"),
        ["departments[0].name empty"] = (b => Department(b)["name"] = "", HttpStatusCode.BadRequest, "departments[0].name", "empty"),
        ["an agent twice"] = (b => b["agents"]!.AsArray().Add(Agent(b).DeepClone()), HttpStatusCode.BadRequest, "agents[1].externalId", "twice"),
        ["an agent of an unknown department"] = (b => Agent(b)["department"]!["externalId"] = "VA.t.other", HttpStatusCode.UnprocessableEntity, "agents[0].department.externalId", "VA.t.other"),
    };

    public static TheoryData<string> DepartmentsAgentsCaseNames => new(DepartmentsAgentsCases.Keys);

    [Theory]
    [MemberData(nameof(DepartmentsAgentsCaseNames))]
    public async Task A_wrong_Departments_Agents_body_is_refused_naming_the_field_and_nothing_is_stored(string name)
    {
        var (change, status, key, says) = DepartmentsAgentsCases[name];
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenAsync();

        using var response = await ca.PostAsync(KnovvuAnalyticsApi.DepartmentsAgentsPath, Seed000.DepartmentsAgentsWith(change), token);

        Assert.Equal(status, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetValue(key, out var messages), $"no error for {key}: {string.Join("; ", errors.Keys)}");
        Assert.Contains(says, messages![0]);
        Assert.Empty(ca.Simulator.Received.Departments);
        Assert.Empty(ca.Simulator.Received.Agents);
    }

    [Fact]
    public async Task An_agent_may_name_a_department_sent_in_an_earlier_request()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        var agentOnly = Seed000.DepartmentsAgentsWith(b =>
        {
            b["departments"] = new JsonArray();
            Agent(b)["externalId"] = Seed000.DepartmentExternalId + ".web2";
            Agent(b)["userName"] = Seed000.DepartmentExternalId + ".web2";
        });

        using var response = await ca.PostAsync(KnovvuAnalyticsApi.DepartmentsAgentsPath, agentOnly, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, ca.Simulator.Received.Agents.Count);
    }

    private static JsonObject Line(JsonObject chat) => chat["ChatLines"]![0]!.AsObject();

    private static JsonObject Department(JsonObject body) => body["departments"]![0]!.AsObject();

    private static JsonObject Agent(JsonObject body) => body["agents"]![0]!.AsObject();

    private static async Task<IDictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors;
    }
}
