using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>The publisher grain's silo killed while its stream is relayed, on three silos and real PostgreSQL.</summary>
public sealed class DataFeederFailoverTests
{
    private const int Conversations = 1_000;

    [Fact]
    public async Task Killing_the_publishers_silo_mid_stream_loses_nothing_and_repeats_only_with_the_same_event_id()
    {
        var connectors = new List<SlowConnector>();
        await using var feeder = await FeederCluster.StartAsync(3, TestEnvironment.KafkaBootstrapServers,
            wrap: inner =>
            {
                var slow = new SlowConnector(inner, TimeSpan.FromMilliseconds(500));
                lock (connectors)
                {
                    connectors.Add(slow);
                }

                return slow;
            },
            // Small batches: the stream is relayed in many publishes, so the kill lands between them.
            settings: new Dictionary<string, string?> { ["DurableStreams:BatchSize"] = "20" });
        await feeder.AddTenantAsync("acme");

        var ids = Enumerable.Range(0, Conversations).Select(i => $"c-{i:D4}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (id, _) => Assert.Equal(IngestOutcome.Recorded, await feeder.IngestAsync("acme", id)));
        await Eventually.TrueAsync(() => Published(connectors) >= 200, "the stream relayed in part");

        var publisher = await feeder.Cluster.SiloOfAsync(
            feeder.Client.GetGrain<IDataFeederPublisherGrain>(DataFeederStream.KeyFor("acme", "c-0000")));
        await feeder.Cluster.KillAsync(publisher);
        Assert.True(await feeder.PendingEventsAsync() > 0, "events left to relay when the silo died");

        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(2));
        TopicExpectations.AssertDelivered("acme",
            ids.ToDictionary(id => id, _ => (IReadOnlyList<string>)[DataFeederEventTypes.ConversationCreated]),
            KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, feeder.TopicOf("acme")));
    }

    private static int Published(List<SlowConnector> connectors)
    {
        lock (connectors)
        {
            return connectors.Sum(c => c.Published);
        }
    }
}
