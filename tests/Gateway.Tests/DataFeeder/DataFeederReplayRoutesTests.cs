using System.Net;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Gateway.Tests.DataFeeder;

/// <summary>
/// The replay routes from outside: a tenant admin starts, follows and cancels a replay of its own events; bad ranges,
/// unknown event types and another tenant's topic are refused as problems naming the field; the host sees every job.
/// </summary>
public sealed class DataFeederReplayRoutesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Replays = $"/api/tenants/{GatewayFixture.TenantA}/datafeeder/replays";

    private static readonly string Yesterday = $"{DateTime.UtcNow.Date.AddDays(-1):yyyy-MM-dd}";

    [Fact]
    public async Task A_replay_is_accepted_with_its_location_followed_listed_and_seen_by_the_host()
    {
        await SetTopicsAsync();
        using var started = await fixture.Api.SendAsync(HttpMethod.Post, Replays, fixture.AdminTokenA, Bodies.Replay);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = JsonNode.Parse(await started.Content.ReadAsStringAsync())!;
        var id = job["id"]!.GetValue<string>();
        Assert.Equal($"{Replays}/{id}", started.Headers.Location?.ToString());
        Assert.Equal("replays.tenant-a", job["request"]!["topic"]!.GetValue<string>());

        // Nothing was recorded in that range: the job completes at once with nothing to send.
        JsonNode? status = null;
        await Eventually.TrueAsync(async () =>
            (status = await fixture.Api.ReadOkAsync(HttpMethod.Get, $"{Replays}/{id}", fixture.AdminTokenA))["state"]!.GetValue<string>() == "completed",
            "the empty replay completed");
        Assert.Equal(0, status!["conversationsTotal"]!.GetValue<long>());
        Assert.NotNull(status["finishedAt"]);

        var listed = await fixture.Api.ReadOkAsync(HttpMethod.Get, Replays, fixture.AdminTokenA);
        Assert.Contains(listed.AsArray(), j => j!["id"]!.GetValue<string>() == id);
        var all = await fixture.Api.ReadOkAsync(HttpMethod.Get, "/api/host/datafeeder/replays", fixture.HostToken);
        Assert.Contains(all.AsArray(), j => j!["id"]!.GetValue<string>() == id && j["tenantId"]!.GetValue<string>() == GatewayFixture.TenantA);

        // Cancelling a finished job changes nothing.
        var cancelled = await fixture.Api.ReadOkAsync(HttpMethod.Delete, $"{Replays}/{id}", fixture.AdminTokenA);
        Assert.Equal("completed", cancelled["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"from":"{y}T00:00:00Z","to":"2999-01-01T00:00:00Z"}""", "to")]
    [InlineData("""{"from":"2000-01-01T00:00:00Z","to":"{y}T00:00:00Z"}""", "from")]
    [InlineData("""{"from":"{y}T00:00:00","to":"{y}T12:00:00Z"}""", "from")]
    [InlineData("""{"from":"{y}","to":"{y}T12:00:00Z"}""", "from")]
    [InlineData("""{"from":"{y}T12:00:00Z","to":"{y}T06:00:00Z"}""", "to")]
    [InlineData("""{"to":"{y}T12:00:00Z"}""", "from")]
    [InlineData("""{"from":"{y}T00:00:00Z","to":"{y}T12:00:00Z","eventTypes":["ConversationDeleted"]}""", "eventTypes[0]")]
    [InlineData("""{"from":"{y}T00:00:00Z","to":"{y}T12:00:00Z","eventTypes":[]}""", "eventTypes")]
    [InlineData("""{"from":"{y}T00:00:00Z","to":"{y}T12:00:00Z","topic":"a/b"}""", "topic")]
    public async Task A_replay_request_that_breaks_a_rule_is_refused_naming_the_field(string body, string field)
    {
        await SetTopicsAsync();
        using var refused = await fixture.Api.SendAsync(HttpMethod.Post, Replays, fixture.AdminTokenA, body.Replace("{y}", Yesterday));
        var problem = await ProblemAssert.IsProblemAsync(refused, 400);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task A_replay_into_another_tenants_topic_is_refused_with_409()
    {
        await SetTopicsAsync();
        using var refused = await fixture.Api.SendAsync(HttpMethod.Post, Replays, fixture.AdminTokenA,
            $$"""{"from":"{{Yesterday}}T00:00:00Z","to":"{{Yesterday}}T12:00:00Z","topic":"REPLAYS_tenant-b"}""");
        await ProblemAssert.IsProblemAsync(refused, 409, "topic");
    }

    [Fact]
    public async Task An_unknown_replay_is_404_and_a_malformed_replay_id_400()
    {
        using var unknown = await fixture.Api.SendAsync(HttpMethod.Get, $"{Replays}/0123456789abcdef0123456789abcdef", fixture.AdminTokenA);
        await ProblemAssert.IsProblemAsync(unknown, 404, "0123456789abcdef0123456789abcdef");
        using var malformed = await fixture.Api.SendAsync(HttpMethod.Delete, $"{Replays}/not..an-id", fixture.AdminTokenA);
        await ProblemAssert.IsProblemAsync(malformed, 400, "replayId");
    }

    [Fact]
    public async Task The_status_counts_results_held_for_conversations_not_recorded()
    {
        await SetTopicsAsync();
        using var held = await fixture.Api.SendAsync(HttpMethod.Post,
            $"/api/tenants/{GatewayFixture.TenantA}/conversations/status-held-1/categories", fixture.IngestTokenA, Bodies.Category);
        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);

        var status = await fixture.Api.ReadOkAsync(HttpMethod.Get, $"/api/tenants/{GatewayFixture.TenantA}/datafeeder/status", fixture.AdminTokenA);
        Assert.True(status["heldResults"]!.GetValue<long>() >= 1, status.ToJsonString());
        Assert.Equal(0, status["expiredResults"]!.GetValue<long>());
    }

    private async Task SetTopicsAsync()
    {
        foreach (var tenant in new[] { GatewayFixture.TenantA, GatewayFixture.TenantB })
        {
            await fixture.Api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{tenant}/features", fixture.HostToken,
                Bodies.FeaturesWith(dataFeeder: $$"""{"enabled":true,"eventTypes":["ConversationCreatedForDataFeeder","CategoryMatchForDataFeeder"],"topic":"replays.{{tenant}}"}"""));
        }
    }
}
