using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Simulators.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>
/// The Data Feeder's durable path (outbox → publisher grains → connector → broker, as GrainPathBench measures it) on a
/// cluster of one silo and then of two silos, in this process on the same machine, and the ratio of the two.
/// </summary>
internal static class ScalingBench
{
    private const int Runs = 3;

    public static async Task RunAsync(string bootstrap, MockKafkaCluster? mock, string broker)
    {
        var one = await RunOnAsync(1, bootstrap, mock);
        var two = await RunOnAsync(2, bootstrap, mock);
        var workload = $"{GrainPathBench.Tenants * GrainPathBench.ConversationsPerTenant} ConversationCreatedForDataFeeder events of {GrainPathBench.Tenants} tenants, "
            + $"outbox filled first, relay start → last broker acknowledgement, silos of a test cluster in one process on PostgreSQL (KNOVVU_TEST_POSTGRES), {broker}";
        BenchReport.Figure("datafeeder_durable_throughput_1_silo", "events/s", $"1 silo; {workload}", one);
        BenchReport.Figure("datafeeder_durable_throughput_2_silos", "events/s", $"2 silos; {workload}", two);
        BenchReport.Ratio("datafeeder_durable_2_silos_vs_1_silo", BenchReport.Median(two) / BenchReport.Median(one),
            "median / median, same machine (both silos share its cores and its PostgreSQL), same run");
    }

    private static async Task<double[]> RunOnAsync(int silos, string bootstrap, MockKafkaCluster? mock)
    {
        using var connector = new KafkaDataFeederConnector(
            Options.Create(new KafkaDataFeederOptions { BootstrapServers = bootstrap }), NullLogger<KafkaDataFeederConnector>.Instance);
        var clock = new AckClock(connector);
        await using var cluster = await GrainPathBench.StartClusterAsync(silos, bootstrap, clock);
        // One untimed run: the first activations and connections of a new cluster are not its throughput.
        await GrainPathBench.OutboxToBrokerAsync(cluster.Client, clock, mock, $"s{silos}-warm");
        var runs = new double[Runs];
        for (var run = 0; run < Runs; run++)
        {
            runs[run] = await GrainPathBench.OutboxToBrokerAsync(cluster.Client, clock, mock, $"s{silos}-{run}");
        }

        return runs;
    }
}
