using System.Diagnostics;
using KnovvuOrleans.Cluster.Bench;
using KnovvuOrleans.Hosting;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

// Cluster benchmarks on Orleans with the product's silo configuration (AddKnovvu: ADO.NET clustering, grain state and
// reminders on PostgreSQL): grain calls on one silo and across two, state writes, and failover of real silo processes
// killed or frozen. Each figure is printed as one JSON line with the median of its runs.
// Usage: Cluster.Bench [calls|state-write|failover-kill9|failover-sigstop ...] [Section:Key=value ...] (settings over the product's defaults for
// the failover's silos and client, e.g. Cluster:ClientResponseTimeout=00:00:05); needs KNOVVU_TEST_POSTGRES and KNOVVU_TEST_KAFKA
// (scripts/bench.sh starts a private PostgreSQL with durable settings, runs pgbench beside it, builds src/Silo).
var settings = args.Where(a => a.Contains('=')).Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
// The product's silos need a Kafka address for the Data Feeder connector, though no bench grain publishes.
var product = new Dictionary<string, string?> { ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers };
var named = args.Where(a => !a.Contains('=')).ToHashSet();
var selected = named.Count > 0 ? named : ["calls", "state-write", "failover-kill9", "failover-sigstop"];
const int Runs = 3;

if (selected.Contains("calls"))
{
    const int Targets = 100;
    const int Callers = 8;
    const int InFlightPerCaller = 8;
    const int Calls = 100_000;

    // Two silos, each with its own TCP endpoints on loopback, in this process.
    // A caller grain's Call lasts a whole run, longer than the usual response timeout on a busy machine.
    await using var cluster = await KnovvuTestCluster.StartAsync(2, new Dictionary<string, string?>(product) { ["Cluster:ResponseTimeout"] = "00:10:00", ["Cluster:ClientResponseTimeout"] = "00:10:00" });
    var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
    var management = cluster.Client.GetGrain<IManagementGrain>(0);
    var callers = Enumerable.Range(0, Callers).Select(i => FactoryOf(a).GetGrain<ICallerGrain>($"caller-{i}")).ToList();
    var placerOnB = FactoryOf(b).GetGrain<ICallerGrain>("placer-b");
    var localTargets = Enumerable.Range(0, Targets).Select(i => $"local-{i}").ToList();
    var remoteTargets = Enumerable.Range(0, Targets).Select(i => $"remote-{i}").ToList();

    // Callers and local targets are activated from silo A, remote targets from silo B; checked, not assumed.
    await callers[0].Touch(localTargets);
    await placerOnB.Touch(remoteTargets);
    await Task.WhenAll(callers.Select(c => c.Touch([])));
    await RequireOnAsync(callers, a, "callers");
    await RequireOnAsync(localTargets.Select(k => cluster.Client.GetGrain<IEchoGrain>(k)), a, "local targets");
    await RequireOnAsync(remoteTargets.Select(k => cluster.Client.GetGrain<IEchoGrain>(k)), b, "remote targets");

    await CallFromAsync(localTargets, Calls / 10);
    await CallFromAsync(remoteTargets, Calls / 10);
    var localRuns = new double[Runs];
    var remoteRuns = new double[Runs];
    for (var r = 0; r < Runs; r++)
    {
        localRuns[r] = await RateAsync(Calls, () => CallFromAsync(localTargets, Calls));
        remoteRuns[r] = await RateAsync(Calls, () => CallFromAsync(remoteTargets, Calls));
    }

    var setup = "2 silos in one process (Orleans 10.4.2, TCP on loopback, ADO.NET clustering on PostgreSQL); "
        + $"{Callers} caller grains on silo A, {Callers * InFlightPerCaller} calls in flight, {Targets} echo grains";
    BenchReport.Figure("local_call_throughput", "calls/s", $"{setup} on silo A", localRuns);
    BenchReport.Figure("cross_silo_call_throughput", "calls/s", $"{setup} on silo B", remoteRuns);
    BenchReport.Ratio("cross_silo_vs_local", BenchReport.Median(remoteRuns) / BenchReport.Median(localRuns), "median / median, same cluster, same run");

    Task CallFromAsync(IReadOnlyList<string> targets, int calls) =>
        Task.WhenAll(callers.Select(c => c.Call(targets, calls / Callers, InFlightPerCaller)));

    async Task RequireOnAsync(IEnumerable<IAddressable> grains, SiloHandle silo, string what)
    {
        foreach (var grain in grains)
        {
            var address = await management.GetActivationAddress(grain);
            if (!silo.SiloAddress.Equals(address))
            {
                throw new InvalidOperationException($"{what}: {grain} is on {address}, not on {silo.SiloAddress}.");
            }
        }
    }
}

if (selected.Contains("state-write"))
{
    const int Grains = 32;
    const int WritesPerGrain = 300;
    const int StateBytes = 200;

    // One Write call does WritesPerGrain writes in a row: longer than a client's usual response timeout.
    await using var cluster = await KnovvuTestCluster.StartAsync(1, new Dictionary<string, string?>(product) { ["Cluster:ClientResponseTimeout"] = "00:10:00" });
    // The payload that makes the stored row exactly StateBytes long with the product's state serializer.
    var serializer = new JsonGrainStateSerializer();
    var payloadLength = StateBytes - serializer.Serialize(new WriterState()).ToArray().Length;
    var writers = Enumerable.Range(0, Grains).Select(i => cluster.Client.GetGrain<IWriterGrain>($"w-{i}")).ToList();
    await Task.WhenAll(writers.Select(w => w.Write(10, payloadLength)));
    var runs = new double[Runs];
    for (var r = 0; r < Runs; r++)
    {
        runs[r] = await RateAsync(Grains * WritesPerGrain, () => Task.WhenAll(writers.Select(w => w.Write(WritesPerGrain, payloadLength))));
    }

    BenchReport.Figure("state_write_throughput", "writes/s",
        $"{Grains} grains writing concurrently, {WritesPerGrain} writes each in a row, {StateBytes}-byte state, [PersistentState] on the "
        + "product's storage (ADO.NET on PostgreSQL, JsonGrainStateSerializer), 1 silo, Orleans 10.4.2", runs);
}

if (selected.Contains("failover-kill9") || selected.Contains("failover-sigstop"))
{
    await FailoverBench.RunAsync(settings, selected.Contains("failover-kill9"), selected.Contains("failover-sigstop"));
}

static IGrainFactory FactoryOf(SiloHandle silo) => KnovvuTestCluster.ServicesOf(silo).GetRequiredService<IGrainFactory>();

static async Task<double> RateAsync(int operations, Func<Task> run)
{
    var watch = Stopwatch.StartNew();
    await run();
    return operations / watch.Elapsed.TotalSeconds;
}
