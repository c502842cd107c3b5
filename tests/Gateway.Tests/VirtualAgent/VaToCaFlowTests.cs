using System.Net;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Simulators.Faults;
using Microsoft.AspNetCore.Http;
using Npgsql;

using Xunit.Abstractions;

namespace KnovvuOrleans.Gateway.Tests.VirtualAgent;

/// <summary>VA → Knovvu Analytics end to end: the gateway on real PostgreSQL, the CA simulator over HTTP.</summary>
public sealed class VaToCaFlowTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Five_thousand_sessions_through_a_flaky_CA_arrive_exactly_once_and_only_the_published_ones()
    {
        await using var va = await VaHarness.StartAsync(output: output);
        Assert.Equal(HttpStatusCode.NoContent, (await va.ToggleProjectAsync("p1", true)).StatusCode);
        string[] statuses = ["published", "draft", "published", "test", "published"];
        var sessions = Enumerable.Range(0, 5000)
            .Select(i => (Id: $"s-{i:D5}", Status: statuses[i % statuses.Length], Channel: i % 3 == 0 ? "ivr" : "web"))
            .ToList();
        await va.PostSessionsAsync(sessions.Select(s => VaHarness.Session(s.Id, s.Status, s.Channel)));
        va.Ca.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = "api/chats", Probability = 0.3 });
        va.Ca.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Path = "api/chats", Count = 10, RetryAfter = TimeSpan.FromSeconds(1) });

        // A run that met too many failures in a row leaves the rest for the next one, as the hourly reminder would.
        var runs = new List<string>();
        for (var run = 0; run < 10; run++)
        {
            var status = await va.RunSyncAsync();
            runs.Add(status.ToJsonString());
            if (status["sessionsLeftForNextRun"]!.GetValue<int>() == 0)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1)); // an open breaker lets calls through again after its break
        }

        var published = sessions.Where(s => s.Status == "published").ToDictionary(s => s.Id);
        var chats = va.Ca.Received.Chats;
        Assert.True(published.Count == chats.Count, $"{chats.Count} of {published.Count} chats arrived; runs: {string.Join("\n", runs)}");
        Assert.Equal(published.Keys.Order(), chats.Select(c => c.ExternalId).Order());
        Assert.All(chats, c => Assert.Equal(published[c.ExternalId].Channel == "ivr" ? "call" : "chat", c.ConversationType));
        Assert.Contains(va.Ca.Requests.Entries, e => e.StatusCode == 503);
        // Each throttled chat was sent again only after its Retry-After (other chats already on their way may arrive
        // sooner: they were sent before the 429 came back).
        var requests = va.Ca.Requests.Entries;
        var throttled = requests.Where(e => e.StatusCode == 429).ToList();
        Assert.Equal(10, throttled.Count);
        Assert.All(throttled, t =>
        {
            var retry = requests.Where(e => e.Key == t.Key && e.ReceivedAt >= t.RespondedAt).MinBy(e => e.ReceivedAt);
            Assert.True(retry is not null && retry.ReceivedAt - t.RespondedAt >= t.RetryAfter!.Value,
                $"{t.Key} throttled at {t.RespondedAt:O} for {t.RetryAfter}, sent again at {retry?.ReceivedAt:O}");
        });
    }

    [Fact]
    public async Task A_second_run_sends_no_department_or_agent_again_and_a_new_channel_goes_at_the_next_run()
    {
        await using var va = await VaHarness.StartAsync(output: output);
        await va.ToggleProjectAsync("p1", true);
        var first = await va.RunSyncAsync();
        Assert.Equal(1, first["departmentsSent"]!.GetValue<int>());
        Assert.Equal(2, first["agentsSent"]!.GetValue<int>());

        var second = await va.RunSyncAsync();
        Assert.Equal(0, second["departmentsSent"]!.GetValue<int>() + second["agentsSent"]!.GetValue<int>());

        await va.AddChannelAsync("p1", "whatsapp", "whatsapp");
        var third = await va.RunSyncAsync();
        Assert.Equal(1, third["agentsSent"]!.GetValue<int>());
        Assert.Equal(["VA.acme.p1.ivr", "VA.acme.p1.web", "VA.acme.p1.whatsapp"], va.Ca.Received.Agents.Select(a => a.ExternalId).Order());
        Assert.All(va.Ca.Received.Agents, a => Assert.Equal(1, a.ReceiveCount));
        Assert.Equal(1, Assert.Single(va.Ca.Received.Departments).ReceiveCount);
    }

    [Fact]
    public async Task While_the_tenant_integration_is_disabled_nothing_is_sent_and_a_project_cannot_be_enabled()
    {
        await using var va = await VaHarness.StartAsync(integrationEnabled: false, output: output);

        using var refused = await va.ToggleProjectAsync("p1", true);
        await ProblemAssert.IsProblemAsync(refused, StatusCodes.Status409Conflict, "integration is disabled");
        await va.PostSessionsAsync([VaHarness.Session("quiet-1", "published", "web")]);
        await va.Api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{VaHarness.Tenant}/integrations/knovvu-analytics/sync", va.Token);

        // Enabled and then disabled again: the project's own toggle stays on but reads as off, and nothing is sent.
        await va.ConfigureCaAsync(enabled: true, secret: null);
        Assert.Equal(HttpStatusCode.NoContent, (await va.ToggleProjectAsync("p1", true)).StatusCode);
        await va.ConfigureCaAsync(enabled: false, secret: null);
        var projects = await va.Api.ReadOkAsync(HttpMethod.Get, $"/api/tenants/{VaHarness.Tenant}/va/projects", va.Token);
        Assert.False(projects[0]!["knovvuAnalyticsEnabled"]!.GetValue<bool>());
        await va.Api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{VaHarness.Tenant}/integrations/knovvu-analytics/sync", va.Token);

        await Task.Delay(500);
        Assert.Empty(va.Ca.Requests.Entries);
    }

    [Fact]
    public async Task Defect3_the_hourly_cap_counts_per_UTC_clock_hour_across_runs_and_the_overflow_waits_for_the_next_hour()
    {
        await using var va = await VaHarness.StartAsync(sessionsPerHourCap: 100, output: output);
        await va.ToggleProjectAsync("p1", true);
        await va.PostSessionsAsync(Enumerable.Range(0, 250).Select(i => VaHarness.Session($"cap-{i:D3}", "published", "web")));
        var hourBefore = DateTime.UtcNow.Hour;

        // Three runs started by hand in one clock hour share one cap (before the fix each run took a full cap).
        var runs = new[] { await va.RunSyncAsync(), await va.RunSyncAsync(), await va.RunSyncAsync() };

        if (DateTime.UtcNow.Hour != hourBefore)
        {
            // The runs straddled an hour: two hours' caps at most.
            Assert.InRange(va.Ca.Received.Chats.Count, 100, 200);
            return;
        }

        Assert.Equal([100, 0, 0], runs.Select(r => r["sessionsSent"]!.GetValue<int>()));
        Assert.Equal(100, va.Ca.Received.Chats.Count);
        Assert.Equal(100, runs[2]["capUsedThisHour"]!.GetValue<int>());
        Assert.Equal(150, runs[2]["sessionsLeftForNextRun"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_refused_batch_records_none_of_its_sessions()
    {
        await using var va = await VaHarness.StartAsync(output: output);
        await va.ToggleProjectAsync("p1", true);
        var batch = System.Text.Json.JsonSerializer.Serialize(new
        {
            sessions = new[] { VaHarness.Session("fine-1", "published", "web"), VaHarness.Session("lost-2", "published", "no-such-channel") },
        });

        using var refused = await va.Api.SendAsync(HttpMethod.Post, $"/api/tenants/{VaHarness.Tenant}/va/sessions", va.Token, batch);

        await ProblemAssert.IsProblemAsync(refused, StatusCodes.Status422UnprocessableEntity, "sessions[1].channelId");
        var run = await va.RunSyncAsync();
        Assert.Equal(0, run["sessionsSent"]!.GetValue<int>() + run["sessionsLeftForNextRun"]!.GetValue<int>());
        Assert.Empty(va.Ca.Received.Chats);
        await using var connection = new NpgsqlConnection(va.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM knovvu.conversations", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_client_secret_is_write_only_and_encrypted_at_rest()
    {
        await using var va = await VaHarness.StartAsync(output: output);

        var settings = await va.Api.ReadOkAsync(HttpMethod.Get, $"/api/tenants/{VaHarness.Tenant}/integrations/knovvu-analytics", va.Token);
        Assert.DoesNotContain("va-secret", settings.ToJsonString());
        Assert.True(settings["clientSecretSet"]!.GetValue<bool>());

        await using var connection = new NpgsqlConnection(va.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT convert_from(PayloadBinary, 'UTF8') FROM OrleansStorage WHERE GrainTypeString = 'ca-integration'", connection);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("protectedClientSecret", stored);
        Assert.DoesNotContain("va-secret", stored);
        Assert.DoesNotContain(va.Gateway.Logs.Lines, l => l.Contains("va-secret", StringComparison.Ordinal));

        // It still works: the encrypted secret gets CA tokens.
        await va.ToggleProjectAsync("p1", true);
        await va.RunSyncAsync();
        Assert.Single(va.Ca.Received.Departments);
    }
}
