using System.Diagnostics;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Runtime.Bench;
using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Storage.InMemory;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

// Runtime benchmarks. Each figure is measured three times and printed as one JSON line with the median.
// Usage: Runtime.Bench [local-call|state-write|outbox-relay|cross-silo-call|failover ...]; PostgreSQL figures need KNOVVU_TEST_POSTGRES
// (scripts/bench.sh starts a private server and runs pgbench beside them).
var selected = args.Length > 0 ? args.ToHashSet() : ["local-call", "state-write", "outbox-relay", "cross-silo-call", "failover"];
const int Runs = 3;

if (selected.Contains("local-call"))
{
    await using var silo = await StartAsync(b => b.UseInMemory());
    var grains = Enumerable.Range(0, 100).Select(i => silo.Client.GetGrain<IEchoGrain>($"echo-{i}")).ToList();
    await Task.WhenAll(grains.Select(g => g.Echo(0)));
    BenchReport.Figure("local_call_throughput", "calls/s", "100 grains, 64 concurrent callers, in-memory provider",
        await MeasureAsync(200_000, total => CallAllAsync(grains, total)));
}

if (selected.Contains("state-write"))
{
    const int Grains = 32;
    await using var database = await PostgresTestDatabase.CreateAsync();
    await using var silo = await StartAsync(b => b.UsePostgres(database.ConnectionString));
    var writers = Enumerable.Range(0, Grains).Select(i => silo.Client.GetGrain<IWriterGrain>($"w-{i}")).ToList();
    await Task.WhenAll(writers.Select(w => w.Write(1)));
    BenchReport.Figure("state_write_throughput", "writes/s", $"{Grains} grains writing concurrently, 200-byte state, PostgreSQL",
        await MeasureAsync(Grains * 300, _ => Task.WhenAll(writers.Select(w => w.Write(300)))));
}

if (selected.Contains("outbox-relay"))
{
    const int Streams = 50;
    const int PerStream = 400;
    var counter = new RelayCounter();
    await using var database = await PostgresTestDatabase.CreateAsync();
    await using var silo = await StartAsync(b => b.UsePostgres(database.ConnectionString), counter);
    var publishers = Enumerable.Range(0, Streams).Select(i => silo.Client.GetGrain<IWriterGrain>($"p-{i}")).ToList();
    BenchReport.Figure("outbox_relay_throughput", "events/s",
        $"{Streams} streams x {PerStream} events, published in batches of 50 while the relay runs, to a subscriber grain, PostgreSQL",
        await MeasureAsync(Streams * PerStream, async total =>
        {
            // Publishing happens with the relay running; the clock covers commit and delivery of every event.
            counter.Reset();
            await Task.WhenAll(publishers.Select(async p =>
            {
                for (var i = 0; i < PerStream / 50; i++)
                {
                    await p.Publish(50);
                }
            }));
            while (counter.Delivered < total)
            {
                await Task.Delay(5);
            }
        }));
}

if (selected.Contains("cross-silo-call"))
{
    // Two silos sharing an in-memory store: the only difference between the figures is the hop over HTTP/2.
    var store = new InMemoryRuntimeStore();
    await using var cluster = await TestCluster.StartAsync(2, typeof(EchoGrain).Assembly, b => b.UseInMemory(store),
        services: s => s.AddSingleton(new RelayCounter()));
    var (caller, owner) = (cluster.Silos[0], cluster.Silos[1]);
    var keys = Enumerable.Range(0, 1000).Select(i => $"echo-{i}")
        .Where(k => cluster.OwnerOf(new GrainId("echo", k)) == owner).Take(100).ToList();
    var local = keys.Select(k => owner.Client.GetGrain<IEchoGrain>(k)).ToList();
    var remote = keys.Select(k => caller.Client.GetGrain<IEchoGrain>(k)).ToList();
    await CallAllAsync(remote, 20_000);
    await CallAllAsync(local, 20_000);
    var localRuns = await MeasureAsync(100_000, total => CallAllAsync(local, total));
    var remoteRuns = await MeasureAsync(100_000, total => CallAllAsync(remote, total));
    BenchReport.Figure("cluster_local_call_throughput", "calls/s", "2 silos; 100 grains called on their own silo, 64 concurrent callers", localRuns);
    BenchReport.Figure("cross_silo_call_throughput", "calls/s", "2 silos; the same grains called from the other silo (HTTP/2, JSON), 64 concurrent callers", remoteRuns);
    BenchReport.Ratio("cross_silo_vs_local_calls", BenchReport.Median(remoteRuns) / BenchReport.Median(localRuns), "median / median, same run");
}

if (selected.Contains("failover"))
{
    // Production membership settings (1 s rounds, 5 s leases), PostgreSQL; each run on a fresh database.
    var seconds = new double[5];
    for (var run = 0; run < seconds.Length; run++)
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var cluster = await TestCluster.StartAsync(3, typeof(EchoGrain).Assembly, b => b.UsePostgres(database.ConnectionString),
            o =>
            {
                o.Cluster.MembershipInterval = TimeSpan.FromSeconds(1);
                o.Cluster.LeaseDuration = TimeSpan.FromSeconds(5);
                o.Cluster.SiloDeathTimeout = TimeSpan.FromSeconds(5);
                o.CallTimeout = TimeSpan.FromSeconds(30);
            },
            s => s.AddSingleton(new RelayCounter()));
        var victim = cluster.Silos[1];
        var key = Enumerable.Range(0, 1000).Select(i => $"failover-{i}").First(k => cluster.OwnerOf(new GrainId("echo", k)) == victim);
        var grain = cluster.Silos[0].Client.GetGrain<IEchoGrain>(key);
        await grain.Echo(1);
        var watch = Stopwatch.StartNew();
        victim.Kill();
        await grain.Echo(2);
        seconds[run] = watch.Elapsed.TotalSeconds;
    }

    BenchReport.Figure("failover_time", "s", "3 silos on PostgreSQL, 1 s membership rounds, 5 s leases: kill of the owner to the first successful call", seconds, digits: 2);
}

static async Task CallAllAsync(IReadOnlyList<IEchoGrain> grains, int total)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < total)
        {
            await grains[i % grains.Count].Echo(i);
        }
    }));
}

static async Task<double[]> MeasureAsync(int operations, Func<int, Task> run)
{
    var rates = new double[Runs];
    for (var r = 0; r < Runs; r++)
    {
        var watch = Stopwatch.StartNew();
        await run(operations);
        rates[r] = operations / watch.Elapsed.TotalSeconds;
    }

    return rates;
}

static Task<TestSilo> StartAsync(Action<GrainRuntimeBuilder> storage, RelayCounter? counter = null) =>
    TestSilo.StartAsync(typeof(EchoGrain).Assembly, storage,
        o => o.RelayPollInterval = TimeSpan.FromMilliseconds(50),
        s => s.AddSingleton(counter ?? new RelayCounter()));
