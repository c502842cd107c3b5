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
// Pooled as the product's own data source is (src/Hosting/PostgresPooling.cs): no reset of a connection on its return.
await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres) { NoResetOnClose = true }.ConnectionString);
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
// Where the hour's build goes: the read alone (documents from PostgreSQL, nothing written) and the S3 put alone (the
// built zip stored again).
var readOnly = new double[Runs];
var putOnly = new double[Runs];
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
    (readOnly[r], _) = await MeasureAsync(async () =>
    {
        await foreach (var document in log.ReadHourDocumentsAsync(tenant, hourStart.UtcDateTime, CancellationToken.None))
        {
        }
    });
    await using var built = await builder.BuildAsync(tenant, day, 9, CancellationToken.None);
    (putOnly[r], _) = await MeasureAsync(() => builder.StoreAsync(tenant, day, 9, built, CancellationToken.None));
}

// What building an hour costs PostgreSQL (nothing else uses the bench's database meanwhile; the two readings' own
// queries add about 2 transactions to the 3 builds).
var buildCostBefore = await PostgresCost.ReadAsync(postgres);
for (var r = 0; r < Runs; r++)
{
    await using var chunk = await builder.BuildAsync(tenant, day, 9, CancellationToken.None);
}

PostgresCost.Report("daily_report_build", buildCostBefore, await PostgresCost.ReadAsync(postgres), Runs, "hour",
    $"PostgreSQL transactions / statements per build of an hour of {Conversations} conversations (read only; the S3 put is not PostgreSQL)");

// Through the gateway over HTTP, on a recent day (older ones are past the retention): the first request builds the
// hour on demand, the others read it from S3.
var gatewayTenant = $"gw-{Guid.NewGuid():N}"[..20];
var recentDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
var recentStart = new DateTimeOffset(recentDay.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
await Parallel.ForEachAsync(Enumerable.Range(0, Conversations), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    await log.AppendAsync(new ConversationRecord(gatewayTenant, $"g{i:00000}", ConversationRecord.VirtualAgentSource, ConversationRecord.PublishedStatus,
        "p1", "web", false, recentStart.AddMilliseconds(i * 360), recentStart.AddMilliseconds((i * 360) + 42_000), documents[i]), ct));
var gatewayBucket = $"bench-{Guid.NewGuid():N}";
await using var gateway = await ReportGateway.StartAsync(postgres, Required("KNOVVU_TEST_S3_URL"), Required("KNOVVU_TEST_S3_ACCESS_KEY"),
    Required("KNOVVU_TEST_S3_SECRET_KEY"), gatewayBucket, gatewayTenant);
// The same object the gateway serves, read straight from S3 in the same loop (one raw GET after each zip GET), so
// the ratio compares the two under the same load.
using var gatewayStore = new S3ObjectStore(Options.Create(new ObjectStorageOptions
{
    Provider = ObjectStorageOptions.S3Provider,
    ServiceUrl = Required("KNOVVU_TEST_S3_URL"),
    AccessKey = Required("KNOVVU_TEST_S3_ACCESS_KEY"),
    SecretKey = Required("KNOVVU_TEST_S3_SECRET_KEY"),
    Bucket = gatewayBucket,
}));
var gets = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
// Backends flush their statistics at most every second, idle ones only after 10 s (PostgreSQL 15): the inserts of
// the gateway's hour would otherwise be counted as the GETs' transactions.
await Task.Delay(TimeSpan.FromSeconds(11));
var getCostBefore = await PostgresCost.ReadAsync(postgres);
var reads = new List<double>();
foreach (var compressed in new[] { true, false, true, false })
{
    for (var i = 0; i < Reads / 2; i++)
    {
        if (compressed && gets[true].Count > 0)
        {
            var raw = Stopwatch.StartNew();
            await using (var stored = (await gatewayStore.GetAsync(DailyReportChunkName.ObjectKey(gatewayTenant, recentDay, 9), CancellationToken.None))!)
            {
                await stored.Content.CopyToAsync(Stream.Null);
            }

            reads.Add(raw.Elapsed.TotalMilliseconds);
        }

        var watch = Stopwatch.StartNew();
        using var response = await gateway.Http.GetAsync($"/api/external/conversations/daily-report/{DailyReportChunkName.FormatDay(recentDay)}/9?compressed={compressed.ToString().ToLowerInvariant()}",
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null);
        gets[compressed].Add(watch.Elapsed.TotalMilliseconds);
    }
}

Report("daily_report_build_hour", "s", Median(build), workload + ", PostgreSQL → JSON → zip (temp file) → S3 PutObject (Swift s3api), fsync as services.sh sets it", build);
Report("daily_report_build_peak_heap", "MB", Median(peak), "peak managed heap above the run's start while building the hour (sampled every 2 ms)", peak);
Report("daily_report_build_hour_4x", "s", Median(large), $"as daily_report_build_hour with {4 * Conversations} conversations", large);
Report("daily_report_build_peak_heap_4x", "MB", Median(largePeak), $"as daily_report_build_peak_heap with {4 * Conversations} conversations", largePeak);
Report("daily_report_zip_in_process", "s", Median(limit), workload + ", the same documents from memory → JSON → zip (temp file), no database, no S3", limit);
Report("daily_report_read_hour_only", "s", Median(readOnly), workload + ", the hour's documents read from PostgreSQL and dropped (the build's read alone)", readOnly);
Report("daily_report_s3_put_only", "s", Median(putOnly), "the built hour's zip stored again in S3 (the build's put alone)", putOnly);
Report("daily_report_build_vs_zip_only", "ratio", Math.Round(Median(limit) / Median(build), 3), "speed of the full build / speed of zipping only (median / median)", null);
PostgresCost.Report("daily_report_http_get", getCostBefore, await PostgresCost.ReadAsync(postgres), 2 * Reads, "request",
    "PostgreSQL transactions / statements per GET of a stored hour through the gateway (with the silo's own background work meanwhile)");
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

var s3Setup = $"GET from S3 of the same object the gateway serves, read to its end, {reads.Count} reads, each right after a zip GET through the gateway, no HTTP gateway in between";
var s3P99 = Math.Round(reads[(reads.Count * 99 / 100) - 1], 2);
Report("daily_report_s3_get_p50", "ms", Math.Round(reads[reads.Count / 2], 2), s3Setup, null);
Report("daily_report_s3_get_p99", "ms", s3P99, s3Setup, null);
var zipGets = gets[true].Skip(1).Order().ToList();
Report("daily_report_http_get_zip_vs_s3_p99", "ratio", Math.Round(zipGets[(zipGets.Count * 99 / 100) - 1] / s3P99, 3),
    "daily_report_http_get_zip_p99 / daily_report_s3_get_p99, same object, same loop", null);

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
