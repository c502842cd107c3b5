using System.Net;
using System.Net.Http.Json;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.GenesysCloud;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>A call's analytics details, and the details query that nightly reconciliation pages through.</summary>
public sealed class AnalyticsTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2025-08-26T00:00:00Z");

    [Fact]
    public async Task The_details_of_an_ended_call_name_the_agent_the_customer_and_the_recording()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agent = genesys.Org.AddUser("Ayşe Agent");
        var start = Day.AddHours(9).AddTicks(12_345);
        var call = genesys.Simulator.Calls.EndCall(agent.Id, new CallOptions
        {
            Start = start, Duration = TimeSpan.FromSeconds(95), Direction = "outbound", Ani = "tel:+905551112233", QueueId = "q-1", WrapUpCode = "resolved",
        });

        using var response = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.ConversationDetails(call.Id), await genesys.TokenAsync());
        var raw = await response.Content.ReadAsStringAsync();
        var details = (await response.Content.ReadFromJsonAsync<AnalyticsConversation>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"conversationStart\":\"2025-08-26T09:00:00.001Z\"", raw);
        Assert.Equal((call.Id, "outbound", genesys.Org.DivisionId), (details.ConversationId, details.OriginatingDirection, Assert.Single(details.DivisionIds)));
        Assert.Equal((call.Start, call.Start + TimeSpan.FromSeconds(95)), (details.ConversationStart, details.ConversationEnd!.Value));
        var agentPart = Assert.Single(details.Participants, p => p.Purpose == GenesysCloudApi.Purposes.Agent);
        var session = Assert.Single(agentPart.Sessions);
        Assert.Equal((agent.Id, "Ayşe Agent"), (agentPart.UserId, agentPart.ParticipantName));
        Assert.Equal(("voice", "outbound", "tel:+905551112233", true), (session.MediaType, session.Direction, session.Ani, session.Recording));
        Assert.Equal(["interact", "wrapup"], session.Segments.Select(s => s.SegmentType));
        Assert.Equal(("q-1", "resolved"), (session.Segments[0].QueueId, session.Segments[1].WrapUpCode));
        Assert.Equal(95_000, session.Metrics!.Single(m => m.Name == "tTalk").Value);
        Assert.Equal(call.Recordings[0].SessionId, session.SessionId);
        Assert.Single(details.Participants, p => p.Purpose == GenesysCloudApi.Purposes.Customer);
    }

    [Fact]
    public async Task An_unknown_conversation_is_a_404()
    {
        await using var genesys = await GenesysHarness.StartAsync();

        using var response = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.ConversationDetails(Guid.NewGuid().ToString()), await genesys.TokenAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_query_pages_the_conversations_that_started_in_the_interval()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agent = genesys.Org.AddUser();
        var calls = new[] { -2, 1, 3, 5, 7, 9, 24, 26 }
            .Select(hour => genesys.Simulator.Calls.EndCallWithoutEvent(agent.Id, new CallOptions { Start = Day.AddHours(hour) }))
            .ToArray();
        var inDay = calls[1..6].Select(c => c.Id).ToArray();
        var token = await genesys.TokenAsync();

        var pages = new List<ConversationDetailsQueryResponse>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await QueryAsync(genesys, token, new ConversationDetailsQuery
            {
                Interval = GenesysCloudApi.Interval(Day, Day.AddDays(1)),
                Paging = new() { PageSize = 2, PageNumber = page },
            }));
        }

        Assert.All(pages, p => Assert.Equal(5, p.TotalHits));
        Assert.Equal([2, 2, 1], pages.Take(3).Select(p => p.Conversations!.Count));
        Assert.Null(pages[3].Conversations);
        Assert.Equal(inDay, pages.SelectMany(p => p.Conversations ?? []).Select(c => c.ConversationId));
        var descending = await QueryAsync(genesys, token, new ConversationDetailsQuery { Interval = GenesysCloudApi.Interval(Day, Day.AddDays(1)), Order = "desc" });
        Assert.Equal(inDay.Reverse(), descending.Conversations!.Select(c => c.ConversationId));
    }

    [Fact]
    public async Task The_query_sees_only_the_callers_org()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        genesys.Simulator.Calls.EndCall(genesys.Org.AddUser().Id, new CallOptions { Start = Day.AddHours(1) });
        var otherToken = await genesys.TokenAsync(GenesysHarness.ClientB, GenesysHarness.SecretB);

        var answer = await QueryAsync(genesys, otherToken, new ConversationDetailsQuery { Interval = GenesysCloudApi.Interval(Day, Day.AddDays(1)) });

        Assert.Equal(0, answer.TotalHits);
        Assert.Null(answer.Conversations);
    }

    [Fact]
    public async Task Filters_are_accepted()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var body = """
            {"interval":"2025-08-26T00:00:00.000Z/2025-08-27T00:00:00.000Z","order":"asc","orderBy":"conversationStart",
             "paging":{"pageSize":25,"pageNumber":1},
             "segmentFilters":[{"type":"or","predicates":[{"type":"dimension","dimension":"mediaType","operator":"matches","value":"voice"}]}],
             "conversationFilters":[]}
            """;

        using var response = await genesys.SendAsync(HttpMethod.Post, GenesysCloudApi.ConversationDetailsQueryPath, await genesys.TokenAsync(), Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"interval":"2025-08-26T00:00:00Z"}""")]
    [InlineData("""{"interval":"2025-08-27T00:00:00Z/2025-08-26T00:00:00Z"}""")]
    [InlineData("""{"interval":"2025-08-26T00:00:00/2025-08-27T00:00:00"}""")]
    [InlineData("""{"interval":"2025-08-26T00:00:00Z/2025-08-27T00:00:00Z","paging":{"pageSize":101,"pageNumber":1}}""")]
    [InlineData("""{"interval":"2025-08-26T00:00:00Z/2025-08-27T00:00:00Z","order":"sideways"}""")]
    [InlineData("""{"interval":"2025-08-01T00:00:00Z/2025-08-09T00:00:00Z"}""")]
    [InlineData("""{"Interval":"2025-08-26T00:00:00Z/2025-08-27T00:00:00Z"}""")]
    [InlineData("""{}""")]
    public async Task A_bad_query_is_a_400_in_Genesys_shape(string body)
    {
        await using var genesys = await GenesysHarness.StartAsync();

        using var response = await genesys.SendAsync(HttpMethod.Post, GenesysCloudApi.ConversationDetailsQueryPath, await genesys.TokenAsync(), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await GenesysHarness.ErrorOf(response);
        Assert.Equal((400, GenesysCloudApi.ErrorCodes.BadRequest), (error.Status, error.Code));
    }

    private static async Task<ConversationDetailsQueryResponse> QueryAsync(GenesysHarness genesys, string token, ConversationDetailsQuery query)
    {
        using var response = await genesys.SendAsync(HttpMethod.Post, GenesysCloudApi.ConversationDetailsQueryPath, token, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ConversationDetailsQueryResponse>())!;
    }

    private static StringContent Json(string body) => new(body, null, "application/json");
}
