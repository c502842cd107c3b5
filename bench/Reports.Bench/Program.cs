using System.Diagnostics;
using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.DailyReports;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Reports.Bench;
using Microsoft.Extensions.Options;
using Npgsql;

// Daily reports benchmark: one hour of 10,000 conversations of about 2 KB built from PostgreSQL into a zip and stored
// in S3 (seconds and peak managed heap), the same JSON zipped in-process with no database or S3 (the limit) and the
// ratio of the two speeds, the same for an hour four times as large (memory must not grow with it), and p50/p99 of
// reading the stored chunk back from S3. Each build figure is the median of 3 runs; one JSON line per figure. Needs the services of scripts/services.sh up (KNOVVU_TEST_POSTGRES, KNOVVU_TEST_S3_*).
const int Runs = 3;
const int Conversations = 10_000;
const int Reads = 200;

var postgres = Required("KNOVVU_TEST_POSTGRES");
var store = new S3ObjectStore(Options.Create(new ObjectStorageOptions
{
    Provider = ObjectStorageOptions.S3Provider,
    ServiceUrl = Required("KNOVVU_TEST_S3_URL"),
    AccessKey = Required("KNOVVU_TEST_S3_ACCESS_KEY"),
    SecretKey = Required("KNOVVU_TEST_S3_SECRET_KEY"),
    Bucket = $"bench-{Guid.NewGuid():N}",
}));
await using var dataSource = NpgsqlDataSource.Create(postgres);
var log = new PostgresConversationLog(dataSource);
var builder = new DailyReportBuilder(log, store, TimeProvider.System);
var tenant = $"bench-{Guid.NewGuid():N}"[..30];
var day = new DateOnly(2025, 6, 14);
var hourStart = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
var documents = Documents();
await Parallel.ForEachAsync(Enumerable.Range(0, Conversations), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    await log.AppendAsync(new ConversationRecord(tenant, $"c{i:00000}", ConversationRecord.VirtualAgentSource, ConversationRecord.PublishedStatus,
        "p1", "web", false, hourStart.AddMilliseconds(i * 360), hourStart.AddMilliseconds((i * 360) + 42_000), documents[i]), ct));
// Hour 10 holds the same documents four times: if memory were not flat, its peak would be about four times hour 9's.
var largeStart = hourStart.AddHours(1);
await Parallel.ForEachAsync(Enumerable.Range(0, 4 * Conversations), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    await log.AppendAsync(new ConversationRecord(tenant, $"l{i:000000}", ConversationRecord.VirtualAgentSource, ConversationRecord.PublishedStatus,
        "p1", "web", false, largeStart.AddMilliseconds(i * 90), largeStart.AddMilliseconds((i * 90) + 42_000), documents[i % Conversations]), ct));
var workload = $"{Conversations} conversations of {documents.Sum(d => d.Length) / Conversations} bytes in one hour";

var build = new double[Runs];
var peak = new double[Runs];
var limit = new double[Runs];
var large = new double[Runs];
var largePeak = new double[Runs];
for (var r = 0; r < Runs; r++)
{
    (large[r], largePeak[r]) = await MeasureAsync(async () =>
    {
        await using var chunk = await builder.BuildAsync(tenant, day, 10, CancellationToken.None);
        await builder.StoreAsync(tenant, day, 10, chunk, CancellationToken.None);
    });
    (build[r], peak[r]) = await MeasureAsync(async () =>
    {
        await using var chunk = await builder.BuildAsync(tenant, day, 9, CancellationToken.None);
        await builder.StoreAsync(tenant, day, 9, chunk, CancellationToken.None);
    });
    (limit[r], _) = await MeasureAsync(() => ZipInProcessAsync(documents));
}

// Through the gateway over HTTP, on a recent day (older ones are past the retention): the first request builds the
// hour on demand, the others read it from S3.
var gatewayTenant = $"gw-{Guid.NewGuid():N}"[..20];
var recentDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
var recentStart = new DateTimeOffset(recentDay.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
await Parallel.ForEachAsync(Enumerable.Range(0, Conversations), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    await log.AppendAsync(new ConversationRecord(gatewayTenant, $"g{i:00000}", ConversationRecord.VirtualAgentSource, ConversationRecord.PublishedStatus,
        "p1", "web", false, recentStart.AddMilliseconds(i * 360), recentStart.AddMilliseconds((i * 360) + 42_000), documents[i]), ct));
await using var gateway = await ReportGateway.StartAsync(postgres, Required("KNOVVU_TEST_S3_URL"), Required("KNOVVU_TEST_S3_ACCESS_KEY"),
    Required("KNOVVU_TEST_S3_SECRET_KEY"), $"bench-{Guid.NewGuid():N}", gatewayTenant);
var gets = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
foreach (var compressed in new[] { true, false, true, false })
{
    for (var i = 0; i < Reads / 2; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await gateway.Http.GetAsync($"/api/external/conversations/daily-report/{DailyReportChunkName.FormatDay(recentDay)}/9?compressed={compressed.ToString().ToLowerInvariant()}",
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null);
        gets[compressed].Add(watch.Elapsed.TotalMilliseconds);
    }
}

var reads = new List<double>();
for (var i = 0; i < Reads; i++)
{
    var watch = Stopwatch.StartNew();
    await using (var stored = (await store.GetAsync(DailyReportChunkName.ObjectKey(tenant, day, 9), CancellationToken.None))!)
    {
        await stored.Content.CopyToAsync(Stream.Null);
    }

    reads.Add(watch.Elapsed.TotalMilliseconds);
}

Report("daily_report_build_hour", "s", Median(build), workload + ", PostgreSQL → JSON → zip (temp file) → S3 PutObject (Swift s3api), fsync as services.sh sets it", build);
Report("daily_report_build_peak_heap", "MB", Median(peak), "peak managed heap above the run's start while building the hour (sampled every 2 ms)", peak);
Report("daily_report_build_hour_4x", "s", Median(large), $"as daily_report_build_hour with {4 * Conversations} conversations", large);
Report("daily_report_build_peak_heap_4x", "MB", Median(largePeak), $"as daily_report_build_peak_heap with {4 * Conversations} conversations", largePeak);
Report("daily_report_zip_in_process", "s", Median(limit), workload + ", the same documents from memory → JSON → zip (temp file), no database, no S3", limit);
Report("daily_report_build_vs_zip_only", "ratio", Math.Round(Median(limit) / Median(build), 3), "speed of the full build / speed of zipping only (median / median)", null);
reads.Sort();
foreach (var (compressed, times) in gets)
{
    // The first request of each form is left out: the first of all built the chunk on demand.
    var sorted = times.Skip(1).Order().ToList();
    var form = compressed ? "zip" : "json";
    var setup = $"GET /api/external/conversations/daily-report over HTTP (Kestrel, loopback) of the stored hour, compressed={compressed.ToString().ToLowerInvariant()}, {sorted.Count} requests, body read to its end";
    Report($"daily_report_http_get_{form}_p50", "ms", Math.Round(sorted[sorted.Count / 2], 2), setup, null);
    Report($"daily_report_http_get_{form}_p99", "ms", Math.Round(sorted[(sorted.Count * 99 / 100) - 1], 2), setup, null);
}

Report("daily_report_s3_get_p50", "ms", Math.Round(reads[Reads / 2], 2), $"GET of the stored chunk from S3 and read to its end, {Reads} reads, no HTTP gateway in between", null);
Report("daily_report_s3_get_p99", "ms", Math.Round(reads[(Reads * 99 / 100) - 1], 2), $"as p50, {Reads} reads", null);

async Task<(double Seconds, double PeakMb)> MeasureAsync(Func<Task> work)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var baseline = GC.GetTotalMemory(true);
    long peakBytes = 0;
    using var stop = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            peakBytes = Math.Max(peakBytes, GC.GetTotalMemory(false) - baseline);
            await Task.Delay(2);
        }
    });
    var watch = Stopwatch.StartNew();
    await work();
    var seconds = watch.Elapsed.TotalSeconds;
    await stop.CancelAsync();
    await sampler;
    return (Math.Round(seconds, 3), Math.Round(peakBytes / 1024d / 1024d, 1));
}

// The builder's own writing code, fed from memory instead of the database, into the same kind of temp file.
async Task ZipInProcessAsync(List<string> source)
{
    await using var file = TempZipFile.Create();
    await DailyReportBuilder.WriteZipAsync(file, "bench.json", source.ToAsyncEnumerable(), CancellationToken.None);
}

List<string> Documents()
{
    var random = new Random(3);
    return [.. Enumerable.Range(0, Conversations).Select(i => JsonSerializer.Serialize(new
    {
        externalId = $"c{i:00000}",
        status = "published",
        projectId = "p1",
        channelId = "web",
        startTime = hourStart.AddMilliseconds(i * 360),
        messages = Enumerable.Range(0, 12).Select(m => new
        {
            time = hourStart.AddMilliseconds((i * 360) + (m * 1000)),
            text = $"Mesaj {m}: {new string((char)('a' + random.Next(26)), 40)} fatura {random.Next(100000)} ödeme ✓",
            side = m % 2 == 0 ? "agent" : "customer",
        }),
    }))];
}

static void Report(string bench, string unit, double median, string setup, double[]? runs) =>
    Console.WriteLine(JsonSerializer.Serialize(new { bench, unit, median, runs, setup }));

static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException($"{name} is not set: source the env.sh that scripts/services.sh up prints.");
