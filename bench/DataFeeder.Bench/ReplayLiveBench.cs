using System.Diagnostics;
using System.Globalization;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Simulators.Kafka;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>
/// Does a replay slow another tenant's live delivery? One silo (KnovvuTestCluster, PostgreSQL, production stream and
/// replay settings): a tenant's day of conversations with analyses is recorded and delivered; then another tenant's
/// conversations are ingested at a steady rate and their end-to-end latency (ingest call to broker acknowledgement)
/// measured, alternately without and with a replay of the first tenant's day running (each into a fresh topic).
/// </summary>
internal static class ReplayLiveBench
{
    private const int Runs = 3;
    private const int ReplayedConversations = 10_000;
    private const int LiveEvents = 1_000;

    public static async Task RunAsync(string bootstrap, MockKafkaCluster? mock, string broker)
    {
        using var connector = new KafkaDataFeederConnector(
            Options.Create(new KafkaDataFeederOptions { BootstrapServers = bootstrap }), NullLogger<KafkaDataFeederConnector>.Instance);
        var clock = new AckClock(connector);
        var streams = new DurableStreamOptions();
        var replay = new DataFeederReplayOptions();
        await using var cluster = await KnovvuTestCluster.StartAsync(1, new Dictionary<string, string?>
        {
            ["DataFeeder:Kafka:BootstrapServers"] = bootstrap,
            ["Cluster:ResponseTimeout"] = "00:05:00",
            ["Cluster:ClientResponseTimeout"] = "00:05:00",
            ["DurableStreams:RetryBaseDelay"] = streams.RetryBaseDelay.ToString("c", CultureInfo.InvariantCulture),
            ["DurableStreams:RetryMaxDelay"] = streams.RetryMaxDelay.ToString("c", CultureInfo.InvariantCulture),
            ["DurableStreams:RedeliveryPeriod"] = streams.RedeliveryPeriod.ToString("c", CultureInfo.InvariantCulture),
            ["DurableStreams:RedeliveryAge"] = streams.RedeliveryAge.ToString("c", CultureInfo.InvariantCulture),
        }, services => services.AddSingleton<IDataFeederConnector>(clock));
        var grains = cluster.Client;

        var replayed = (await GrainPathBench.AddTenantsAsync(grains, mock, "replayed", 1))[0];
        await Parallel.ForEachAsync(Enumerable.Range(0, ReplayedConversations), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var id = $"{replayed}-{i:D5}";
            await GrainPathBench.IngestAsync(grains, replayed, id);
            await grains.GetGrain<IConversationGrain>(ConversationKey.For(replayed, id)).PostAnalysis(new ConversationAnalysis(
                [new DataFeederTranscript { Channel = 1, Text = "ürün destek", Times = "0 40;560 1000", StartTime = 0, EndTime = 1000 }],
                0, 87, 0, 0, 0));
        });

        var without = new double[Runs];
        var with = new double[Runs];
        var replayRates = new double[Runs];
        for (var run = 0; run < Runs; run++)
        {
            without[run] = await LiveP99Async(grains, mock, clock, $"quiet{run}");

            var topic = $"datafeeder-bench-replay-{Guid.NewGuid():N}";
            mock?.CreateTopic(topic, 4);
            var job = (await grains.GetGrain<IDataFeederReplaysGrain>(replayed).Create(new ReplayRequest(
                GrainPathBench.Start.Date, GrainPathBench.Start.Date.AddDays(1), DataFeederEventTypes.All, topic)))!;
            with[run] = await LiveP99Async(grains, mock, clock, $"busy{run}");
            var status = await grains.GetGrain<IDataFeederReplayGrain>(ReplayKey.For(replayed, job.Id)).GetStatus();
            if (status!.State != ReplayStates.Running)
            {
                throw new InvalidOperationException("The replay finished before the live measurement did: it did not overlap all of it.");
            }

            replayRates[run] = status.EventsPerSecond;
            await grains.GetGrain<IDataFeederReplayGrain>(ReplayKey.For(replayed, job.Id)).Cancel();
        }

        var live = $"another tenant's {LiveEvents} Created events at {GrainPathBench.LatencyRatePerSecond}/s, ingest call to broker acknowledgement, one silo, PostgreSQL (KNOVVU_TEST_POSTGRES), {broker}";
        BenchReport.Figure("datafeeder_live_latency_p99_without_replay", "ms", live, without, 1);
        BenchReport.Figure("datafeeder_live_latency_p99_during_replay", "ms",
            $"{live}, while a replay of {ReplayedConversations} conversations ({2 * ReplayedConversations} events) runs at the default limit of {replay.EventsPerSecond} events/s", with, 1);
        BenchReport.Figure("datafeeder_replay_rate_during_live", "events/s", "the replay's own rate while the live events were measured", replayRates);
        BenchReport.Ratio("datafeeder_live_p99_during_replay_vs_without", BenchReport.Median(with) / BenchReport.Median(without), "median p99 / median p99, same run");
    }

    private static async Task<double> LiveP99Async(IGrainFactory grains, MockKafkaCluster? mock, AckClock clock, string prefix)
    {
        var tenant = (await GrainPathBench.AddTenantsAsync(grains, mock, prefix, 1))[0];
        var ids = Enumerable.Range(0, LiveEvents).Select(i => $"{tenant}-{i:D5}").ToList();
        var started = await GrainPathBench.AtSteadyRateAsync(ids, id => GrainPathBench.IngestAsync(grains, tenant, id));
        while (ids.Any(id => !clock.FirstAck.ContainsKey(id)))
        {
            await Task.Delay(5);
        }

        return BenchReport.Quantile(ids.Select(id => Stopwatch.GetElapsedTime(started[id], clock.FirstAck[id]).TotalMilliseconds).ToList(), 0.99);
    }
}
