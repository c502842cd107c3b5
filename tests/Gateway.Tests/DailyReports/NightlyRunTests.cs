using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using Xunit.Abstractions;

namespace KnovvuOrleans.Gateway.Tests.DailyReports;

/// <summary>The nightly run on real PostgreSQL and the Swift S3 server: names, contents, retries, retention.</summary>
public sealed class NightlyRunTests(ITestOutputHelper output)
{
    private static readonly DateOnly Day = ReportsHarness.Yesterday;

    [Fact]
    public async Task A_run_over_three_tenants_one_disabled_stores_48_chunks_each_equal_to_its_hour_in_the_database()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        await harness.AddTenantAsync("alpha", reportsEnabled: true);
        await harness.AddTenantAsync("beta", reportsEnabled: true);
        await harness.AddTenantAsync("gamma", reportsEnabled: false);
        foreach (var tenant in new[] { "alpha", "beta", "gamma" })
        {
            await harness.AppendAsync(tenant, Conversations(tenant));
        }

        var status = await harness.RunNightlyAsync(Day);

        Assert.Equal(["alpha", "beta"], status.Tenants);
        Assert.Equal(48, status.ChunksStored);
        Assert.Empty(status.GaveUp);
        var expectedNames = new[] { "alpha", "beta" }
            .SelectMany(t => Enumerable.Range(0, 24).Select(h => $"{t}/daily-report-2025-06-14-{h:00}.zip"))
            .Order(StringComparer.Ordinal);
        var keys = await harness.ListAsync();
        Assert.Equal(expectedNames, keys);
        var conversations = 0;
        foreach (var key in keys)
        {
            var tenant = key[..key.IndexOf('/')];
            var hour = int.Parse(key[^6..^4]);
            var chunk = await harness.ReadChunkAsync(key);
            var stored = Assert.IsType<JsonArray>(Assert.Single(chunk.AsObject(), p => p.Key == "Conversations").Value);
            var expected = harness.Expected(tenant, Day, hour);
            Assert.Equal(expected.Count, stored.Count);
            Assert.All(expected.Zip(stored), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), $"{key}: {pair.Second}"));
            conversations += stored.Count;
        }

        Assert.True(conversations > 0);
        var alpha = await harness.Cluster.GetGrain<IDailyReportGrain>("alpha/2025-06-14").GetChunks();
        Assert.All(alpha, c => Assert.Equal((ChunkState.Stored, 1), (c.State, c.Attempts)));
        Assert.Equal(harness.Expected("alpha", Day, 9).Count, alpha[9].Conversations);
        Assert.DoesNotContain(harness.Gateway.Logs.Lines, l => l.Contains(TestEnvironment.S3SecretKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_nightly_reminder_builds_the_day_that_just_ended_for_the_enabled_tenants_only()
    {
        // A minute before the reminder's time, 00:10 of the day after Today.
        var today = new DateTimeOffset(ReportsHarness.Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        await using var harness = await ReportsHarness.StartAsync(now: today.AddDays(1).AddMinutes(9), output: output);
        await harness.AddTenantAsync("alpha", reportsEnabled: true);
        await harness.AddTenantAsync("gamma", reportsEnabled: false);
        await harness.AppendAsync("alpha", [(today.AddHours(3).AddMinutes(5), "published"), (today.AddHours(3).AddMinutes(9), "published")]);
        await harness.AppendAsync("gamma", [(today.AddHours(3).AddMinutes(5), "published")]);

        var run = harness.Cluster.GetGrain<IDailyReportRunGrain>("2025-06-15");
        await Eventually.TrueAsync(() => run.GetStatus().GetAwaiter().GetResult().Completed, "the reminder's run to complete", TimeSpan.FromMinutes(2));

        var keys = await harness.ListAsync();
        Assert.Equal(Enumerable.Range(0, 24).Select(h => DailyReportChunkName.ObjectKey("alpha", ReportsHarness.Today, h)), keys);
        Assert.Equal(2, (await harness.ReadChunkAsync(DailyReportChunkName.ObjectKey("alpha", ReportsHarness.Today, 3)))["Conversations"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_nightly_run_purges_the_log_although_no_tenant_has_reports_enabled()
    {
        // The reminder used to exist only while some tenant had reports enabled, so with none the log was never purged.
        var today = new DateTimeOffset(ReportsHarness.Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        await using var harness = await ReportsHarness.StartAsync(now: today.AddDays(1).AddMinutes(9), output: output);
        await harness.AddTenantAsync("gamma", reportsEnabled: false, retentionMonths: 1);
        // The run of the night after Today keeps Today + 1 day - 1 month and later.
        await harness.IngestVaSessionAsync("gamma", "expired-draft", VaSessionStatus.Draft, today.AddMonths(-1).AddDays(-1));
        await harness.IngestVaSessionAsync("gamma", "kept-draft", VaSessionStatus.Draft, today.AddDays(-3));
        Assert.True(await harness.Cluster.GetGrain<IDailyReportScheduleGrain>(IDailyReportScheduleGrain.Key).IsScheduled());

        var run = harness.Cluster.GetGrain<IDailyReportRunGrain>(DailyReportChunkName.FormatDay(ReportsHarness.Today));
        await Eventually.TrueAsync(() => run.GetStatus().GetAwaiter().GetResult().Completed, "the reminder's run to complete", TimeSpan.FromMinutes(2));

        var status = await run.GetStatus();
        Assert.Empty(status.Tenants);
        Assert.Equal(1, status.ConversationsPurged);
        Assert.Equal(["kept-draft"], await ConversationsAsync(harness.Gateway.Services.GetRequiredService<NpgsqlDataSource>(), "gamma"));
        Assert.Empty(await harness.ListAsync());
    }

    [Fact]
    public async Task Chunks_failing_twice_are_stored_in_the_retry_passes_after_all_tenants_and_one_failing_three_times_is_reported()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        await harness.AddTenantAsync("alpha", reportsEnabled: true);
        await harness.AddTenantAsync("beta", reportsEnabled: true);
        await harness.AppendAsync("alpha", Conversations("alpha"));
        await harness.AppendAsync("beta", Conversations("beta"));
        var twiceA = DailyReportChunkName.ObjectKey("alpha", Day, 3);
        var twiceB = DailyReportChunkName.ObjectKey("beta", Day, 10);
        var always = DailyReportChunkName.ObjectKey("alpha", Day, 20);
        harness.Store.FailPuts(twiceA, 2);
        harness.Store.FailPuts(twiceB, 2);
        harness.Store.FailPuts(always, 100);

        var status = await harness.RunNightlyAsync(Day);

        Assert.Equal(47, status.ChunksStored);
        Assert.Equal([always], status.GaveUp);
        var keys = await harness.ListAsync();
        Assert.Equal(47, keys.Count);
        Assert.Contains(twiceA, keys);
        Assert.Contains(twiceB, keys);
        Assert.DoesNotContain(always, keys);

        // Every retry comes after the first pass over every tenant: its last chunk, beta's hour 23, was attempted first.
        var attempts = harness.Store.PutAttempts.ToList();
        var endOfFirstPass = attempts.IndexOf(DailyReportChunkName.ObjectKey("beta", Day, 23));
        Assert.Equal(48, endOfFirstPass + 1);
        Assert.Equal(3, attempts.Count(k => k == twiceA));
        Assert.Equal(3, attempts.Count(k => k == always));
        Assert.Equal(48 + 6, attempts.Count);

        var alpha = await harness.Cluster.GetGrain<IDailyReportGrain>("alpha/2025-06-14").GetChunks();
        Assert.Equal((ChunkState.Stored, 3), (alpha[3].State, alpha[3].Attempts));
        Assert.Equal((ChunkState.GaveUp, 3), (alpha[20].State, alpha[20].Attempts));
        Assert.Contains("Injected S3 failure", alpha[20].LastError, StringComparison.Ordinal);
        Assert.All(alpha.Where(c => c.Hour is not (3 or 20)), c => Assert.Equal((ChunkState.Stored, 1), (c.State, c.Attempts)));
        Assert.Contains(harness.Gateway.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(always, StringComparison.Ordinal)
                                                         && l.Contains("given up", StringComparison.Ordinal));

        var json = await harness.ReadChunkAsync(twiceA);
        Assert.Equal(harness.Expected("alpha", Day, 3).Count, json["Conversations"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_run_that_stopped_is_resumed_by_its_reminder_and_skips_the_chunks_it_stored()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        await harness.AddTenantAsync("alpha", reportsEnabled: true);
        await harness.AppendAsync("alpha", Conversations("alpha"));
        harness.Store.FailLists = true;
        var run = harness.Cluster.GetGrain<IDailyReportRunGrain>(DailyReportChunkName.FormatDay(Day));

        // The retention step, after the chunks, cannot list the bucket: the run stops without completing.
        await run.Start();
        await Eventually.TrueAsync(() => harness.Gateway.Logs.Lines.Any(l => l.Contains("its resume reminder starts it again", StringComparison.Ordinal)),
            "the run to stop");
        Assert.False((await run.GetStatus()).Completed);
        Assert.Equal(24, harness.Store.PutAttempts.Count);

        harness.Store.FailLists = false;
        await Eventually.TrueAsync(() => run.GetStatus().GetAwaiter().GetResult().Completed, "the resumed run to complete", TimeSpan.FromMinutes(2));

        Assert.Equal(24, harness.Store.PutAttempts.Count);
        Assert.Equal(24, (await harness.ListAsync()).Count);
        Assert.Equal(24, (await run.GetStatus()).ChunksStored);
    }

    [Fact]
    public async Task Retention_deletes_exactly_the_chunks_older_than_each_tenants_retention()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        await harness.AddTenantAsync("alpha", reportsEnabled: true, retentionMonths: 1);
        await harness.AddTenantAsync("beta", reportsEnabled: true, retentionMonths: 3);
        await harness.AddTenantAsync("gamma", reportsEnabled: false, retentionMonths: 2);
        var firstKept = new Dictionary<string, DateOnly>
        {
            ["alpha"] = new(2025, 5, 15),
            ["beta"] = new(2025, 3, 15),
            ["gamma"] = new(2025, 4, 15),
        };
        var expired = new List<string>();
        var kept = new List<string>();
        foreach (var (tenant, first) in firstKept)
        {
            foreach (var hour in new[] { 0, 23 })
            {
                expired.Add(DailyReportChunkName.ObjectKey(tenant, first.AddDays(-1), hour));
                expired.Add(DailyReportChunkName.ObjectKey(tenant, first.AddMonths(-1), hour));
                kept.Add(DailyReportChunkName.ObjectKey(tenant, first, hour));
                kept.Add(DailyReportChunkName.ObjectKey(tenant, first.AddDays(1), hour));
            }

            kept.Add($"{tenant}/notes.txt");
        }

        foreach (var key in expired.Concat(kept))
        {
            await harness.Store.PutAsync(key, new MemoryStream([1, 2, 3]), new Dictionary<string, string>(), CancellationToken.None);
        }

        var status = await harness.RunNightlyAsync(Day);

        Assert.Equal(expired.Count, status.ExpiredDeleted);
        var built = new[] { "alpha", "beta" }.SelectMany(t => Enumerable.Range(0, 24).Select(h => DailyReportChunkName.ObjectKey(t, Day, h)));
        Assert.Equal(kept.Concat(built).Order(StringComparer.Ordinal), await harness.ListAsync());
    }

    [Fact]
    public async Task Retention_purges_the_log_before_each_tenants_cutoff_in_batches_but_keeps_what_CA_still_waits_for_and_purged_hours_are_404()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        var token = await harness.AddTenantAsync("alpha", reportsEnabled: true, retentionMonths: 1);
        await harness.AddTenantAsync("beta", reportsEnabled: true, retentionMonths: 3);
        var log = harness.Gateway.Services.GetRequiredService<IConversationLog>();
        // alpha keeps 2025-05-15 and later, beta 2025-03-15 and later.
        var beforeAlpha = new DateTimeOffset(2025, 5, 14, 23, 59, 59, TimeSpan.Zero);
        var firstKept = new DateTimeOffset(2025, 5, 15, 0, 0, 0, TimeSpan.Zero);
        var sentToCa = new List<(string Tenant, string Id, DateTimeOffset Start)>
        {
            ("alpha", "old-sent-1", beforeAlpha), ("alpha", "old-sent-2", beforeAlpha.AddDays(-20)), ("alpha", "old-sent-3", beforeAlpha.AddHours(-1)),
            ("alpha", "kept-sent", firstKept), ("beta", "beta-sent", beforeAlpha),
        };
        foreach (var (tenant, id, start) in sentToCa)
        {
            await harness.IngestVaSessionAsync(tenant, id, VaSessionStatus.Published, start);
            await log.MarkSentToCaAsync(tenant, id, CancellationToken.None);
        }

        await harness.IngestVaSessionAsync("alpha", "old-draft", VaSessionStatus.Draft, beforeAlpha.AddDays(-3));
        await harness.IngestVaSessionAsync("alpha", "old-test", VaSessionStatus.Test, beforeAlpha.AddDays(-3));
        await harness.IngestVaSessionAsync("alpha", "old-unsent", VaSessionStatus.Published, beforeAlpha.AddDays(-3));
        await harness.IngestVaSessionAsync("alpha", "old-parked", VaSessionStatus.Published, beforeAlpha.AddDays(-3));
        await log.ParkForCaAsync("alpha", "old-parked", "refused", CancellationToken.None);
        var data = harness.Gateway.Services.GetRequiredService<NpgsqlDataSource>();
        Assert.True(await KeptEventsAsync(data, "old-sent-1") > 0);

        var status = await harness.RunNightlyAsync(Day);

        Assert.Equal(5, status.ConversationsPurged);
        Assert.Equal(["kept-sent", "old-parked", "old-unsent"], await ConversationsAsync(data, "alpha"));
        Assert.Equal(["beta-sent"], await ConversationsAsync(data, "beta"));
        Assert.Equal(0, await KeptEventsAsync(data, "old-sent-1"));
        Assert.True(await KeptEventsAsync(data, "kept-sent") > 0);
        using var purged = await GetReportAsync(harness, token, "2025-05-14/23");
        await ProblemAssert.IsProblemAsync(purged, 404, "1 months");
        using var kept = await GetReportAsync(harness, token, "2025-05-15/0?compressed=false");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("kept-sent", (string)JsonNode.Parse(await kept.Content.ReadAsStringAsync())!["Conversations"]![0]!["externalId"]!);
    }

    private static async Task<List<string>> ConversationsAsync(NpgsqlDataSource data, string tenant)
    {
        await using var command = data.CreateCommand("SELECT external_id FROM knovvu.conversations WHERE tenant_id = $1 ORDER BY external_id");
        command.Parameters.Add(new() { Value = tenant });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<long> KeptEventsAsync(NpgsqlDataSource data, string externalId)
    {
        await using var command = data.CreateCommand("SELECT count(*) FROM knovvu.kept_events WHERE external_id = $1");
        command.Parameters.Add(new() { Value = externalId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HttpResponseMessage> GetReportAsync(ReportsHarness harness, string token, string dayAndHour)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/external/conversations/daily-report/{dayAndHour}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await harness.Api.Http.SendAsync(request);
    }

    /// <summary>
    /// Conversations around the day: most hours of it several, some none; drafts and test sessions, which reports
    /// leave out; and some of the days before and after.
    /// </summary>
    private static IEnumerable<(DateTimeOffset, string)> Conversations(string tenant)
    {
        var random = new Random(tenant.Sum(c => c));
        var midnight = new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        for (var hour = 0; hour < 24; hour++)
        {
            var count = hour % 7 == 0 ? 0 : random.Next(1, 6);
            for (var i = 0; i < count; i++)
            {
                yield return (midnight.AddHours(hour).AddMilliseconds(random.Next(0, 3_600_000)), "published");
            }

            yield return (midnight.AddHours(hour).AddMinutes(30), hour % 2 == 0 ? "draft" : "test");
        }

        yield return (midnight.AddTicks(-1), "published");
        yield return (midnight.AddDays(1), "published");
        yield return (midnight.AddHours(5), "published");
        yield return (midnight.AddHours(5), "published");
    }
}
