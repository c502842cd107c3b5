using System.Diagnostics;
using System.Text.Json;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Runtime.Bench;
using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

// Runtime benchmarks. Each figure is measured three times and printed as one JSON line with the median.
// Usage: Runtime.Bench [local-call|state-write|outbox-relay ...]; PostgreSQL figures need KNOVVU_TEST_POSTGRES
// (scripts/bench.sh starts a private server and runs pgbench beside them).
var selected = args.Length > 0 ? args.ToHashSet() : ["local-call", "state-write", "outbox-relay"];
const int Runs = 3;

if (selected.Contains("local-call"))
{
    await using var silo = await StartAsync(b => b.UseInMemory());
    var grains = Enumerable.Range(0, 100).Select(i => silo.Client.GetGrain<IEchoGrain>($"echo-{i}")).ToList();
    await Task.WhenAll(grains.Select(g => g.Echo(0)));
    Report("local_call_throughput", "calls/s", "100 grains, 64 concurrent callers, in-memory provider",
        await MeasureAsync(200_000, async total =>
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
        }));
}

if (selected.Contains("state-write"))
{
    const int Grains = 32;
    await using var database = await PostgresTestDatabase.CreateAsync();
    await using var silo = await StartAsync(b => b.UsePostgres(database.ConnectionString));
    var writers = Enumerable.Range(0, Grains).Select(i => silo.Client.GetGrain<IWriterGrain>($"w-{i}")).ToList();
    await Task.WhenAll(writers.Select(w => w.Write(1)));
    Report("state_write_throughput", "writes/s", $"{Grains} grains writing concurrently, 200-byte state, PostgreSQL",
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
    Report("outbox_relay_throughput", "events/s",
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

static void Report(string name, string unit, string setup, double[] runs)
{
    var sorted = runs.Order().ToArray();
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        bench = name,
        unit,
        median = Math.Round(sorted[sorted.Length / 2]),
        runs = runs.Select(r => Math.Round(r)).ToArray(),
        setup,
        machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
    }));
}

static Task<TestSilo> StartAsync(Action<GrainRuntimeBuilder> storage, RelayCounter? counter = null) =>
    TestSilo.StartAsync(typeof(EchoGrain).Assembly, storage,
        o => o.RelayPollInterval = TimeSpan.FromMilliseconds(50),
        s => s.AddSingleton(counter ?? new RelayCounter()));
