using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Testing;

using Xunit.Abstractions;

namespace KnovvuOrleans.Gateway.Tests.DailyReports;

/// <summary>GET /api/external/conversations/daily-report/{utcDay}/{utcHour} on real PostgreSQL and the Swift S3 server.</summary>
public sealed class ReportApiTests(ITestOutputHelper output)
{
    private const string Tenant = "alpha";

    private static readonly DateOnly Day = ReportsHarness.Yesterday;

    [Fact]
    public async Task A_chunk_built_on_demand_is_stored_and_the_stored_answer_is_the_same_json()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        var token = await harness.AddTenantAsync(Tenant, reportsEnabled: true);
        await harness.AppendAsync(Tenant, Hour(5, 7));

        var (onDemand, onDemandSource) = await GetAsync(harness, token, 5, compressed: false);
        var (stored, storedSource) = await GetAsync(harness, token, 5, compressed: false);

        Assert.Equal(("on-demand", "stored"), (onDemandSource, storedSource));
        Assert.Equal(onDemand, stored);
        var conversations = JsonNode.Parse(stored)!["Conversations"]!.AsArray();
        var expected = harness.Expected(Tenant, Day, 5);
        Assert.Equal(7, expected.Count);
        Assert.True(expected.Zip(conversations).All(p => JsonNode.DeepEquals(p.First, p.Second)));
        Assert.Equal([DailyReportChunkName.ObjectKey(Tenant, Day, 5)], await harness.ListAsync());
        var chunks = await harness.Cluster.GetGrain<IDailyReportGrain>(DailyReportChunkName.GrainKey(Tenant, Day)).GetChunks();
        Assert.Equal((ChunkState.Stored, 7), (chunks[5].State, chunks[5].Conversations));
    }

    [Fact]
    public async Task An_hour_of_more_conversations_than_a_page_of_the_log_is_reported_whole_in_start_time_order()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        var token = await harness.AddTenantAsync(Tenant, reportsEnabled: true);
        // The log is read in pages of 1,000 by (start time, id): three at each start time, so that ties span the pages' edges.
        var start = new DateTimeOffset(Day.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc));
        await harness.AppendAsync(Tenant, Enumerable.Range(0, 2_101).Select(i => (start.AddSeconds(1_000 - (i / 3)), "published")));

        var (json, _) = await GetAsync(harness, token, 7, compressed: false);

        var conversations = JsonNode.Parse(json)!["Conversations"]!.AsArray();
        var expected = harness.Expected(Tenant, Day, 7);
        Assert.Equal(2_101, conversations.Count);
        Assert.True(expected.Zip(conversations).All(p => JsonNode.DeepEquals(p.First, p.Second)));
    }

    [Fact]
    public async Task A_session_that_reaches_the_log_after_its_hours_chunk_was_stored_is_in_the_next_answer()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        var token = await harness.AddTenantAsync(Tenant, reportsEnabled: true);
        await harness.AppendAsync(Tenant, Hour(5, 3));
        var (before, _) = await GetAsync(harness, token, 5, compressed: false);
        Assert.Equal(3, JsonNode.Parse(before)!["Conversations"]!.AsArray().Count);

        // A session of that hour recorded now, the day after, the way the VA webhook records it; and a draft, left out.
        var start = new DateTimeOffset(Day.ToDateTime(new TimeOnly(5, 30), DateTimeKind.Utc));
        await harness.IngestVaSessionAsync(Tenant, "late-1", VaSessionStatus.Published, start);
        await harness.IngestVaSessionAsync(Tenant, "late-draft", VaSessionStatus.Draft, start);

        var (rebuilt, rebuiltSource) = await GetAsync(harness, token, 5, compressed: false);
        var (stored, storedSource) = await GetAsync(harness, token, 5, compressed: false);

        Assert.Equal(("on-demand", "stored"), (rebuiltSource, storedSource));
        var ids = JsonNode.Parse(rebuilt)!["Conversations"]!.AsArray().Select(c => (string)c!["externalId"]!).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Contains("late-1", ids);
        Assert.DoesNotContain("late-draft", ids);
        Assert.Equal(rebuilt, stored);
        var chunks = await harness.Cluster.GetGrain<IDailyReportGrain>(DailyReportChunkName.GrainKey(Tenant, Day)).GetChunks();
        Assert.Equal((ChunkState.Stored, 4, 1), (chunks[5].State, chunks[5].Conversations, chunks[5].LateArrivals));
    }

    [Fact]
    public async Task A_late_session_makes_the_stored_chunk_stale_and_the_nightly_run_of_its_day_builds_it_again()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        await harness.AddTenantAsync(Tenant, reportsEnabled: true);
        await harness.AppendAsync(Tenant, Hour(7, 2));
        var report = harness.Cluster.GetGrain<IDailyReportGrain>(DailyReportChunkName.GrainKey(Tenant, Day));
        await report.RecordAttempt(new ChunkAttempt(7, 2, DateTimeOffset.UtcNow, null), 3);

        await harness.IngestVaSessionAsync(Tenant, "late-2", VaSessionStatus.Published, new DateTimeOffset(Day.ToDateTime(new TimeOnly(7, 1), DateTimeKind.Utc)));
        Assert.Equal(ChunkState.Stale, (await report.GetChunks())[7].State);

        await harness.RunNightlyAsync(Day);

        var chunk = await harness.ReadChunkAsync(DailyReportChunkName.ObjectKey(Tenant, Day, 7));
        Assert.Contains("late-2", chunk["Conversations"]!.AsArray().Select(c => (string)c!["externalId"]!));
        Assert.Equal((ChunkState.Stored, 3), ((await report.GetChunks())[7].State, (await report.GetChunks())[7].Conversations));
    }

    [Fact]
    public async Task A_late_session_reaches_the_stored_chunk_in_the_bucket_without_the_hour_being_read()
    {
        // The bucket kept the outdated chunk until someone read the hour through the API (or the day's run ran again).
        await using var harness = await ReportsHarness.StartAsync(output: output,
            settings: new Dictionary<string, string?> { ["DailyReports:LateRebuildDelay"] = "00:00:05" });
        await harness.AddTenantAsync(Tenant, reportsEnabled: true);
        await harness.AppendAsync(Tenant, Hour(8, 2));
        await harness.RunNightlyAsync(Day);
        var key = DailyReportChunkName.ObjectKey(Tenant, Day, 8);
        Assert.Equal(2, (await harness.ReadChunkAsync(key))["Conversations"]!.AsArray().Count);

        await harness.IngestVaSessionAsync(Tenant, "late-3", VaSessionStatus.Published, new DateTimeOffset(Day.ToDateTime(new TimeOnly(8, 40), DateTimeKind.Utc)));

        var report = harness.Cluster.GetGrain<IDailyReportGrain>(DailyReportChunkName.GrainKey(Tenant, Day));
        await Eventually.TrueAsync(async () => (await report.GetChunks())[8].State == ChunkState.Stored, "the stale chunk stored again", TimeSpan.FromSeconds(60));
        var chunk = await harness.ReadChunkAsync(key);
        Assert.Contains("late-3", chunk["Conversations"]!.AsArray().Select(c => (string)c!["externalId"]!));
        Assert.Equal((3, 1), ((await report.GetChunks())[8].Conversations, (await report.GetChunks())[8].LateArrivals));
    }

    [Fact]
    public async Task The_zip_carries_the_metadata_headers_and_holds_the_same_json_stored_or_on_demand()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        var token = await harness.AddTenantAsync(Tenant, reportsEnabled: true);
        await harness.AppendAsync(Tenant, Hour(6, 4));

        using var first = await SendAsync(harness, token, $"{Day:yyyy-MM-dd}/6?compressed=true");
        var zip = await first.Content.ReadAsByteArrayAsync();
        using var second = await SendAsync(harness, token, $"{Day:yyyy-MM-dd}/06");
        var storedZip = await second.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/zip", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(zip.Length, first.Content.Headers.ContentLength);
        Assert.Equal("2025-06-14", Header(first, "X-Report-Day"));
        Assert.Equal("6", Header(first, "X-Report-Hour"));
        Assert.Equal("4", Header(first, "X-Report-Conversations"));
        Assert.Equal("on-demand", Header(first, "X-Report-Source"));
        var generatedAt = DateTimeOffset.Parse(Header(first, "X-Report-Generated-At"), CultureInfo.InvariantCulture);
        Assert.Equal(ReportsHarness.Today, DateOnly.FromDateTime(generatedAt.UtcDateTime));
        Assert.Equal("daily-report-2025-06-14-06.zip", first.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        Assert.Equal("stored", Header(second, "X-Report-Source"));
        Assert.Equal(Header(first, "X-Report-Generated-At"), Header(second, "X-Report-Generated-At"));
        Assert.Equal(storedZip.Length, second.Content.Headers.ContentLength);
        Assert.Equal(zip, storedZip);
        var (json, _) = await GetAsync(harness, token, 6, compressed: false);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), ReportsHarness.ParseZip(zip)));
        Assert.Equal(4, ReportsHarness.ParseZip(zip)["Conversations"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_empty_hour_is_a_valid_chunk_with_no_conversations()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        var token = await harness.AddTenantAsync(Tenant, reportsEnabled: true);

        var (json, _) = await GetAsync(harness, token, 0, compressed: false);
        using var zipped = await SendAsync(harness, token, $"{Day:yyyy-MM-dd}/0?compressed=true");

        Assert.Equal("""{"Conversations":[]}""", json);
        Assert.Equal("0", Header(zipped, "X-Report-Conversations"));
        Assert.Empty(ReportsHarness.ParseZip(await zipped.Content.ReadAsByteArrayAsync())["Conversations"]!.AsArray());
    }

    [Fact]
    public async Task A_tenant_with_reports_off_gets_403_and_a_day_past_retention_404()
    {
        await using var harness = await ReportsHarness.StartAsync(output: output);
        var token = await harness.AddTenantAsync(Tenant, reportsEnabled: false);

        using var off = await SendAsync(harness, token, $"{Day:yyyy-MM-dd}/3");
        await ProblemAssert.IsProblemAsync(off, 403, "not enabled");

        await harness.SetReportsAsync(Tenant, enabled: true, retentionMonths: 1);
        using var expired = await SendAsync(harness, token, "2025-05-14/3");
        await ProblemAssert.IsProblemAsync(expired, 404, "1 months");
        using var oldestKept = await SendAsync(harness, token, "2025-05-15/3");
        Assert.Equal(HttpStatusCode.OK, oldestKept.StatusCode);
        Assert.Empty(await harness.ListAsync("other/"));
    }

    private static async Task<(string Body, string Source)> GetAsync(ReportsHarness harness, string token, int hour, bool compressed)
    {
        using var response = await SendAsync(harness, token, $"{Day:yyyy-MM-dd}/{hour}?compressed={(compressed ? "true" : "false")}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (body, Header(response, "X-Report-Source"));
    }

    private static async Task<HttpResponseMessage> SendAsync(ReportsHarness harness, string token, string dayAndHour)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/external/conversations/daily-report/{dayAndHour}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await harness.Api.Http.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) => Assert.Single(response.Headers.GetValues(name));

    private static IEnumerable<(DateTimeOffset, string)> Hour(int hour, int count)
    {
        var start = new DateTimeOffset(Day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc));
        return Enumerable.Range(0, count).Select(i => (start.AddMinutes(59 - (i * 7)), "published"))
            .Append((start.AddMinutes(1), "draft"));
    }
}
