using System.Diagnostics;
using KnovvuOrleans.Genesys.Bench;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Simulators.GenesysCloud;
using Microsoft.Extensions.DependencyInjection;

// Genesys call import benchmark: calls ended in the Genesys Cloud simulator, heard on a channel grain's websocket and
// imported into PostgreSQL and S3 (first call ended → the analysis queue holds them all), beside the same fetches and
// puts without the cluster (RawFetch) at the same concurrency, in the same process, and their ratio. Each figure the
// median of 3 runs, one JSON line each. Needs the services of scripts/services.sh up (KNOVVU_TEST_POSTGRES, KNOVVU_TEST_S3_*).
const int Runs = 3;
const int Calls = 500;
const int Agents = 50;
const int AudioBytes = 64 * 1024;
const int Concurrency = 8;
const int WarmUpCalls = 20;

var call = new CallOptions { Recordings = 1, AudioBytes = AudioBytes };
await using var genesys = await GenesysCloudSimulator.StartAsync(new()
{
    // The raw path has an org of its own, so the tenant's importer (and its reconciliation) never sees its calls.
    Clients = [new("gc-client", "gc-secret", "org-1"), new("gc-raw", "gc-raw-secret", "org-raw")],
});
var importAgents = genesys.Org("org-1").AddUsers(Agents);
var rawAgents = genesys.Org("org-raw").AddUsers(Agents);
await using var cluster = await ImportSilo.StartAsync(genesys, "org-1", "gc-client", "gc-secret", importAgents, Concurrency);
var workload = $"{Calls} calls of {Agents} agents, 1 recording of {AudioBytes / 1024} KiB each, {Concurrency} at a time and {Concurrency} concurrent "
               + "requests per org, Genesys Cloud simulator on loopback, Swift S3, PostgreSQL of scripts/services.sh";

var importRuns = new double[Runs];
// The bench's own polls of the analysis queue (one statement, one transaction each) are not the flow's cost.
var polls = 0;
await ImportAsync(WarmUpCalls);
var costBefore = await PostgresCost.ReadAsync(cluster.ConnectionString);
polls = 0;
for (var r = 0; r < Runs; r++)
{
    importRuns[r] = Calls / (await ImportAsync(Calls)).TotalSeconds;
}

var costAfter = await PostgresCost.ReadAsync(cluster.ConnectionString);
PostgresCost.Report("genesys_import", costBefore, costAfter with { Transactions = costAfter.Transactions - polls, Statements = costAfter.Statements - polls },
    Runs * Calls, "call",
    "PostgreSQL transactions / statements per imported call (channel, importer, call grain, conversation log, analysis queue, outbox), the bench's polls of the queue left out");

var client = cluster.Services.GetRequiredService<GenesysCloudClient>();
var objects = cluster.Services.GetRequiredService<IObjectStore>();
var raw = new GenesysConnection("bench-raw", genesys.BaseUrl, genesys.LoginBaseUrl, "gc-raw", "gc-raw-secret");
var rawRuns = new double[Runs];
await FetchAsync(WarmUpCalls);
for (var r = 0; r < Runs; r++)
{
    rawRuns[r] = Calls / (await FetchAsync(Calls)).TotalSeconds;
}

BenchReport.Figure("genesys_import_throughput", "calls/s", workload
    + ", first call ended → analysis queue holds them all: websocket → channel grain → calls stream → importer → call grains → S3 + conversation log + queue, Data Feeder on (records dropped)", importRuns, 1);
BenchReport.Figure("genesys_raw_fetch_throughput", "calls/s", workload
    + ", GenesysCloudClient details + recordings + recording + media into a temp file + S3 PutObject per call, no grains, no state, no conversation log", rawRuns, 1);
BenchReport.Ratio("genesys_import_vs_raw", BenchReport.Median(importRuns) / BenchReport.Median(rawRuns), "median / median, same simulator, same S3, same run");

// Ends the calls one after another, as Genesys would announce them, and waits until the queue holds every one.
async Task<TimeSpan> ImportAsync(int calls)
{
    var expected = await cluster.QueuedForAnalysisAsync() + calls;
    polls++;
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        genesys.Calls.EndCall(importAgents[i % Agents].Id, call);
    }

    while (await cluster.QueuedForAnalysisAsync() < expected)
    {
        polls++;
        await Task.Delay(10);
    }

    polls++;

    return watch.Elapsed;
}

async Task<TimeSpan> FetchAsync(int calls)
{
    var ids = Enumerable.Range(0, calls).Select(i => genesys.Calls.EndCallWithoutEvent(rawAgents[i % Agents].Id, call).Id).ToList();
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (id, _) =>
        await RawFetch.FetchAsync(client, objects, raw, id));
    return watch.Elapsed;
}
