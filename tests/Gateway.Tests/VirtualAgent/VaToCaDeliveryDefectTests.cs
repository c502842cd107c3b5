using System.Net;
using System.Text.Json;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Simulators.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace KnovvuOrleans.Gateway.Tests.VirtualAgent;

/// <summary>
/// The VA → CA defects of issue 15, each pinned against the gateway on real PostgreSQL and the CA simulator: a run
/// that stalls under partial failure, one refused project blocking the tenant, ambiguous dotted ids.
/// </summary>
public sealed class VaToCaDeliveryDefectTests
{
    private static readonly string Sync = $"/api/tenants/{VaHarness.Tenant}/integrations/knovvu-analytics/sync";

    private static readonly string Parked = $"/api/tenants/{VaHarness.Tenant}/integrations/knovvu-analytics/parked";

    [Fact]
    public async Task Defect1_an_open_breaker_pauses_the_run_and_it_resumes_and_finishes_in_the_same_run()
    {
        await using var va = await VaHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["KnovvuAnalytics:Client:MaxRetries"] = "2",
            ["KnovvuAnalytics:Client:BreakerMinimumThroughput"] = "10",
            ["KnovvuAnalytics:Sync:ChatRetryBaseDelay"] = "00:00:00.200",
        });
        await va.ToggleProjectAsync("p1", true);
        var ids = Enumerable.Range(0, 300).Select(i => $"brk-{i:D3}").ToList();
        await va.PostSessionsAsync(ids.Select(id => VaHarness.Session(id, "published", "web")));
        // CA is down for its next 60 chat requests: chats use up their retries and the breaker opens.
        va.Ca.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = "api/chats", Count = 60 });

        var run = await va.RunSyncAsync();

        Assert.Equal(ids, va.Ca.Received.Chats.Select(c => c.ExternalId).Order());
        Assert.Equal(1, run["runs"]!.GetValue<int>());
        Assert.Equal(300, run["sessionsSent"]!.GetValue<int>());
        Assert.Equal(0, run["sessionsLeftForNextRun"]!.GetValue<int>());
        Assert.Null(run["lastError"]?.GetValue<string>());
    }

    [Fact]
    public async Task Defect1_a_chat_CA_refuses_for_good_is_parked_with_its_reason_and_offered_again_only_when_an_operator_asks()
    {
        await using var va = await VaHarness.StartAsync();
        await va.ToggleProjectAsync("p1", true);
        await va.PostSessionsAsync(Enumerable.Range(0, 20).Select(i => VaHarness.Session($"ok-{i:D2}", "published", "web")));
        // A session whose end is before its start (as an older ingest let through): CA answers 400 for it alone.
        await AppendBrokenSessionAsync(va, "broken-1");

        var first = await va.RunSyncAsync();
        var second = await va.RunSyncAsync();

        Assert.Equal(20, va.Ca.Received.Chats.Count);
        Assert.Equal(1, va.Ca.Requests.Entries.Count(e => e.Key == "broken-1"));
        Assert.Equal(20, first["sessionsSent"]!.GetValue<int>());
        Assert.Equal(0, second["sessionsSent"]!.GetValue<int>());
        Assert.Equal(1, second["sessionsParked"]!.GetValue<int>());
        var parked = await va.Api.ReadOkAsync(HttpMethod.Get, Parked, va.Token);
        var session = Assert.Single(parked["sessions"]!.AsArray());
        Assert.Equal("broken-1", session!["externalId"]!.GetValue<string>());
        Assert.Contains("400", session["reason"]!.GetValue<string>());

        using var bad = await va.Api.SendAsync(HttpMethod.Post, Parked + "/retry", va.Token, """{"externalIds":["has a space"]}""");
        await ProblemAssert.IsProblemAsync(bad, StatusCodes.Status400BadRequest, "externalIds[0]");
        var retried = await va.Api.ReadOkAsync(HttpMethod.Post, Parked + "/retry", va.Token, """{"externalIds":["broken-1"]}""");
        Assert.Equal(1, retried["sessions"]!.GetValue<int>());
        await va.RunSyncAsync();
        Assert.Equal(2, va.Ca.Requests.Entries.Count(e => e.Key == "broken-1"));
    }

    [Fact]
    public async Task Defect2_project_and_channel_ids_with_dots_are_refused_naming_the_field()
    {
        await using var va = await VaHarness.StartAsync();

        using var project = await va.Api.SendAsync(HttpMethod.Post, $"/api/tenants/{VaHarness.Tenant}/va/projects", va.Token,
            """{"id":"sales.eu","name":"Sales EU"}""");
        using var channel = await va.Api.SendAsync(HttpMethod.Post, $"/api/tenants/{VaHarness.Tenant}/va/projects/p1/channels", va.Token,
            """{"id":"web.main","name":"Web","type":"web"}""");

        await ProblemAssert.IsProblemAsync(project, StatusCodes.Status400BadRequest, "id");
        await ProblemAssert.IsProblemAsync(channel, StatusCodes.Status400BadRequest, "id");
        var projects = await va.Api.ReadOkAsync(HttpMethod.Get, $"/api/tenants/{VaHarness.Tenant}/va/projects", va.Token);
        Assert.Single(projects.AsArray());
        Assert.Equal(2, projects[0]!["channels"]!.AsArray().Count);
    }

    [Fact]
    public async Task Defect2_a_project_whose_departments_and_agents_CA_refuses_is_held_alone_and_the_status_counts_its_waiting_sessions()
    {
        await using var va = await VaHarness.StartAsync();
        await va.Api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{VaHarness.Tenant}/va/projects", va.Token, """{"id":"p2","name":"Support"}""");
        await va.AddChannelAsync("p2", "chat", "web");
        await va.ToggleProjectAsync("p1", true);
        await va.ToggleProjectAsync("p2", true);
        // p2's department counts as acknowledged, but CA has none: CA refuses p2's agents (422), for good.
        await Cluster(va).GetGrain<IVaProjectsGrain>(VaHarness.Tenant)
            .MarkAcknowledged(new VaCaBacklog(["p2"], [new VaPendingDepartment("p2", "Support")], []));
        await va.PostSessionsAsync(Enumerable.Range(0, 30).Select(i => VaHarness.Session($"p1-{i:D2}", "published", "web")));
        await va.PostSessionsAsync(Enumerable.Range(0, 12).Select(i => P2Session($"p2-{i:D2}")));

        var run = await va.RunSyncAsync();

        Assert.Equal(30, va.Ca.Received.Chats.Count);
        Assert.All(va.Ca.Received.Chats, c => Assert.StartsWith("p1-", c.ExternalId, StringComparison.Ordinal));
        Assert.Equal(30, run["sessionsSent"]!.GetValue<int>());
        Assert.Equal(12, run["sessionsLeftForNextRun"]!.GetValue<int>());
        var held = Assert.Single(run["heldProjects"]!.AsArray());
        Assert.Equal("p2", held!["projectId"]!.GetValue<string>());
        Assert.Contains("422", held["reason"]!.GetValue<string>());

        // Held until asked: the next run sends nothing of p2, an operator's retry offers it again.
        var again = await va.RunSyncAsync();
        Assert.Equal(0, again["agentsSent"]!.GetValue<int>());
        var retried = await va.Api.ReadOkAsync(HttpMethod.Post, Parked + "/retry", va.Token);
        Assert.Equal(1, retried["projects"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_flaky_CA_failing_30_percent_with_5xx_and_10_percent_with_429_gets_5000_sessions_in_one_run_none_sent_twice()
    {
        await using var va = await VaHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["KnovvuAnalytics:Sync:Concurrency"] = "32",
            ["KnovvuAnalytics:Client:ConcurrentRequestsPerTenant"] = "32",
            ["KnovvuAnalytics:Client:RequestsPerSecondPerTenant"] = "1000",
        });
        await va.ToggleProjectAsync("p1", true);
        var ids = Enumerable.Range(0, 5000).Select(i => $"acc-{i:D4}").ToList();
        await va.PostSessionsAsync(ids.Select(id => VaHarness.Session(id, "published", "web")));
        va.Ca.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = "api/chats", Probability = 0.3 });
        va.Ca.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Path = "api/chats", Probability = 0.1, RetryAfter = TimeSpan.FromSeconds(1) });

        var run = await va.RunSyncAsync();

        Assert.Equal(1, run["runs"]!.GetValue<int>());
        Assert.Equal(5000, run["sessionsSent"]!.GetValue<int>());
        Assert.Equal(ids, va.Ca.Received.Chats.Select(c => c.ExternalId).Order());
        // CA counts every delivery of a stored chat: one each, so nothing it acknowledged came again.
        var counts = va.Ca.State.Counts().Tenants["ca-acme"];
        Assert.Equal(5000, counts.ChatDeliveries);
        Assert.Contains(va.Ca.Requests.Entries, e => e.StatusCode == 429);
        Assert.Contains(va.Ca.Requests.Entries, e => e.StatusCode == 503);
    }

    private static IClusterClient Cluster(VaHarness va) => va.Gateway.Services.GetRequiredService<IClusterClient>();

    private static object P2Session(string id)
    {
        var begin = new DateTimeOffset(2025, 8, 26, 7, 4, 40, TimeSpan.Zero);
        return new
        {
            externalId = id,
            status = "published",
            projectId = "p2",
            channelId = "chat",
            startTime = begin,
            endTime = begin.AddSeconds(3),
            messages = new[] { new { time = begin, text = "Merhaba", side = "agent" } },
            language = "tr-TR",
            additionalLanguages = new[] { "en-US" },
            direction = "inbound",
        };
    }

    private static async Task AppendBrokenSessionAsync(VaHarness va, string id)
    {
        var start = new DateTimeOffset(2025, 8, 26, 7, 4, 40, TimeSpan.Zero);
        var session = new VaSession
        {
            ExternalId = id,
            Status = VaSessionStatus.Published,
            ProjectId = "p1",
            ChannelId = "web",
            StartTime = start,
            EndTime = start.AddSeconds(-5),
            Messages = [new VaMessage(start, "Merhaba", VaMessage.AgentSide)],
        };
        var log = va.Gateway.Services.GetRequiredService<IConversationLog>();
        await log.AppendAsync(new ConversationRecord(VaHarness.Tenant, id, ConversationRecord.VirtualAgentSource, ConversationRecord.PublishedStatus,
            "p1", "web", false, session.StartTime, session.EndTime, JsonSerializer.Serialize(session, new JsonSerializerOptions(JsonSerializerDefaults.Web))), default);
    }
}
