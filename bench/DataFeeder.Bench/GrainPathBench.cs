using System.Diagnostics;
using Confluent.Kafka;
using System.Globalization;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Simulators.Kafka;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>
/// The whole Data Feeder path on a one-silo Orleans cluster (KnovvuTestCluster, PostgreSQL): Conversation grain → outbox
/// → its subscriber, the publisher grain → connector → broker. Outbox-to-broker throughput: the outbox is filled while
/// publishes wait at a gate, then the gate opens and the time until the broker acknowledged every event is measured. End-to-end latency: conversations ingested at a steady rate,
/// from the ingest call to the broker's acknowledgement, beside a raw producer sending at the same rate (unless
/// <c>latency</c> is false).
/// </summary>
internal static class GrainPathBench
{
    private const int Runs = 3;
    internal const int Tenants = 4;
    internal const int ConversationsPerTenant = 1_000;
    // The outbox-to-broker figure's own workload: at 1,000 per tenant the window was 120–300 ms, too short to be stable;
    // 10,000 took six minutes to ingest (three runs), 2,500 about a minute and a half.
    private const int ThroughputConversationsPerTenant = 2_500;
    private const int LatencyEvents = 1_000;
    internal const int LatencyRatePerSecond = 200;

    internal static readonly DateTimeOffset Start = new(2026, 1, 22, 8, 31, 59, TimeSpan.Zero);

    public static async Task RunAsync(string bootstrap, MockKafkaCluster? mock, string broker, double rawThroughput, IProducer<string, byte[]> raw, bool latency = true)
    {
        using var connector = new KafkaDataFeederConnector(
            Options.Create(new KafkaDataFeederOptions { BootstrapServers = bootstrap }), NullLogger<KafkaDataFeederConnector>.Instance);
        var clock = new AckClock(connector);
        await using var cluster = await StartClusterAsync(1, bootstrap, clock);
        var grains = cluster.Client;
        const string storage = "PostgreSQL (KNOVVU_TEST_POSTGRES)";

        var throughput = new double[Runs];
        var costBefore = await PostgresCost.ReadAsync(cluster.Database.ConnectionString);
        for (var run = 0; run < Runs; run++)
        {
            throughput[run] = await OutboxToBrokerAsync(grains, clock, mock, $"t{run}", ThroughputConversationsPerTenant);
        }

        PostgresCost.Report("datafeeder", costBefore, await PostgresCost.ReadAsync(cluster.Database.ConnectionString), Runs * Tenants * ThroughputConversationsPerTenant,
            "conversation", "PostgreSQL transactions / statements per conversation ingested (conversation log, state, outbox append) and published (outbox read and acknowledgement), tenant set-up included");
        var workload = $"{Tenants * ThroughputConversationsPerTenant} ConversationCreatedForDataFeeder events of {Tenants} tenants ({Tenants * DataFeederStream.ShardsPerTenant} streams), one silo, {storage}, {broker}";
        BenchReport.Figure("datafeeder_outbox_to_broker_throughput", "events/s",
            workload + ", outbox filled first, timed from the relay's start to the last broker acknowledgement", throughput);
        BenchReport.Ratio("datafeeder_outbox_to_broker_vs_raw_producer", BenchReport.Median(throughput) / rawThroughput,
            "outbox-to-broker median / kafka_raw_producer_throughput median, same broker, same run");
        if (!latency)
        {
            return;
        }

        var p50 = new double[Runs];
        var p99 = new double[Runs];
        var rawP50 = new double[Runs];
        var rawP99 = new double[Runs];
        for (var run = 0; run < Runs; run++)
        {
            var tenant = (await AddTenantsAsync(grains, mock, $"l{run}", 1))[0];
            var ids = Enumerable.Range(0, LatencyEvents).Select(i => $"{tenant}-{i:D5}").ToList();
            var started = await AtSteadyRateAsync(ids, id => IngestAsync(grains, tenant, id));
            while (ids.Any(id => !clock.FirstAck.ContainsKey(id)))
            {
                await Task.Delay(5);
            }

            var latencies = ids.Select(id => Stopwatch.GetElapsedTime(started[id], clock.FirstAck[id]).TotalMilliseconds).ToList();
            (p50[run], p99[run]) = (BenchReport.Quantile(latencies, 0.5), BenchReport.Quantile(latencies, 0.99));

            var topic = $"datafeeder-bench-raw-latency-{Guid.NewGuid():N}";
            mock?.CreateTopic(topic, 4);
            await raw.ProduceAsync(topic, new Message<string, byte[]> { Key = "warm-up", Value = [] });
            var rawLatencies = new List<double>();
            await AtSteadyRateAsync(ids, async id =>
            {
                var begin = Stopwatch.GetTimestamp();
                await raw.ProduceAsync(topic, new Message<string, byte[]> { Key = id, Value = new byte[600] });
                lock (rawLatencies)
                {
                    rawLatencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
            });
            (rawP50[run], rawP99[run]) = (BenchReport.Quantile(rawLatencies, 0.5), BenchReport.Quantile(rawLatencies, 0.99));
        }

        var steady = $"{LatencyEvents} events at {LatencyRatePerSecond}/s";
        BenchReport.Figure("datafeeder_end_to_end_latency_p50", "ms", $"{steady}, ingest call to broker acknowledgement, one silo, {storage}, {broker}", p50, 1);
        BenchReport.Figure("datafeeder_end_to_end_latency_p99", "ms", $"{steady}, ingest call to broker acknowledgement, one silo, {storage}, {broker}", p99, 1);
        BenchReport.Figure("kafka_raw_producer_latency_p50", "ms", $"{steady}, ProduceAsync of 600 bytes to its acknowledgement, same producer settings, {broker}", rawP50, 1);
        BenchReport.Figure("kafka_raw_producer_latency_p99", "ms", $"{steady}, ProduceAsync of 600 bytes to its acknowledgement, same producer settings, {broker}", rawP99, 1);
        BenchReport.Ratio("datafeeder_latency_p50_vs_raw_producer", BenchReport.Median(p50) / BenchReport.Median(rawP50), "median p50 / median p50, same run");
        BenchReport.Ratio("datafeeder_latency_p99_vs_raw_producer", BenchReport.Median(p99) / BenchReport.Median(rawP99), "median p99 / median p99, same run");
    }

    /// <summary>
    /// A test cluster of <paramref name="silos"/> silos whose connector is <paramref name="clock"/>, with the durable
    /// streams as in production, not as quickened for tests; a call may wait behind thousands of ingests.
    /// </summary>
    internal static Task<KnovvuTestCluster> StartClusterAsync(int silos, string bootstrap, AckClock clock)
    {
        var streams = new DurableStreamOptions();
        return KnovvuTestCluster.StartAsync(silos, new Dictionary<string, string?>
        {
            ["DataFeeder:Kafka:BootstrapServers"] = bootstrap,
            ["Cluster:ResponseTimeout"] = "00:05:00",
            ["Cluster:ClientResponseTimeout"] = "00:05:00",
            ["DurableStreams:RetryBaseDelay"] = streams.RetryBaseDelay.ToString("c", CultureInfo.InvariantCulture),
            ["DurableStreams:RetryMaxDelay"] = streams.RetryMaxDelay.ToString("c", CultureInfo.InvariantCulture),
            ["DurableStreams:RedeliveryPeriod"] = streams.RedeliveryPeriod.ToString("c", CultureInfo.InvariantCulture),
            ["DurableStreams:RedeliveryAge"] = streams.RedeliveryAge.ToString("c", CultureInfo.InvariantCulture),
        }, services => services.AddSingleton<IDataFeederConnector>(clock));
    }

    /// <summary>
    /// One throughput run (events/s) on new tenants: the outbox is filled while the gate is closed, then the clock runs
    /// from opening the gate to the broker's acknowledgement of the last event.
    /// </summary>
    internal static async Task<double> OutboxToBrokerAsync(
        IGrainFactory grains, AckClock clock, MockKafkaCluster? mock, string prefix, int conversationsPerTenant = ConversationsPerTenant)
    {
        var tenants = await AddTenantsAsync(grains, mock, prefix, Tenants);
        clock.Close();
        var ids = tenants.SelectMany(t => Enumerable.Range(0, conversationsPerTenant).Select(i => (Tenant: t, Id: $"{t}-{i:D5}"))).ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, _) => await IngestAsync(grains, c.Tenant, c.Id));
        var watch = Stopwatch.StartNew();
        clock.Open();
        // A cursor, not a scan of every id per poll: the polling shares the cores with the relay it times.
        for (var acked = 0; acked < ids.Count;)
        {
            if (clock.FirstAck.ContainsKey(ids[acked].Id))
            {
                acked++;
            }
            else
            {
                await Task.Delay(5);
            }
        }

        return ids.Count / watch.Elapsed.TotalSeconds;
    }

    internal static async Task<List<string>> AddTenantsAsync(IGrainFactory grains, MockKafkaCluster? mock, string prefix, int count)
    {
        var tenants = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var tenant = $"bench-{prefix}-{i}-{Guid.NewGuid().ToString("N")[..6]}";
            var topic = $"datafeeder-{tenant}";
            mock?.CreateTopic(topic, 4);
            await grains.GetGrain<ITenantGrain>(tenant).Create(tenant);
            await grains.GetGrain<ITenantGrain>(tenant).UpdateFeatures(TenantFeatures.Default with
            {
                DataFeeder = new DataFeederSettings(true, [DataFeederEventTypes.ConversationCreated], topic),
            });
            tenants.Add(tenant);
        }

        return tenants;
    }

    internal static Task<IngestOutcome> IngestAsync(IGrainFactory grains, string tenant, string externalId) =>
        OneMessageSessions.IngestAsync(grains, tenant, externalId, Start, channelId: "ivr", isCall: true);

    /// <summary>Starts one action per id at the steady rate and waits for all; returns when each was started.</summary>
    internal static async Task<Dictionary<string, long>> AtSteadyRateAsync(IReadOnlyList<string> ids, Func<string, Task> action)
    {
        var started = new Dictionary<string, long>();
        var tasks = new List<Task>();
        var begin = Stopwatch.GetTimestamp();
        for (var i = 0; i < ids.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / LatencyRatePerSecond);
            var wait = due - Stopwatch.GetElapsedTime(begin);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            started[ids[i]] = Stopwatch.GetTimestamp();
            tasks.Add(action(ids[i]));
        }

        await Task.WhenAll(tasks);
        return started;
    }
}
