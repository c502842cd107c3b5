using System.Diagnostics;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Simulators.Kafka;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// The Kafka endpoint down (a mock cluster in the test process, so the shared endpoint stays well): the conversation
/// grains keep accepting conversations, the events wait in the outbox, and all arrive, in order, after.
/// </summary>
public sealed class DataFeederOutageTests : IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private static readonly IReadOnlyList<string> CreatedOnly = [DataFeederEventTypes.ConversationCreated];

    private static readonly IReadOnlyList<string> WithAnalysis = [DataFeederEventTypes.ConversationCreated, DataFeederEventTypes.ConversationAnalyzed];

    private readonly MockKafkaCluster _kafka = MockKafkaCluster.Start(brokers: 1);

    [Fact]
    public Task Conversations_accepted_while_Kafka_is_down_for_30_seconds_are_all_delivered_in_order_after_it_returns() =>
        // A publish during the outage fails after 3 s instead of 30, so the publisher retries several times meanwhile.
        RunOutageAsync(silos: 1, Outage, publishTimeoutMs: 3_000, settings: null, killPublisherSilo: false);

    /// <summary>
    /// Every limit of the path far shorter than the outage: a publish stops waiting after 1 s, the
    /// publisher retries every 300 ms at most, and the redelivery agent offers waiting streams every second; the silo
    /// of a publisher is killed half-way. The outbox has no limit, so nothing is dropped or overtaken.
    /// </summary>
    [Fact]
    public Task An_outage_longer_than_every_retry_limit_and_expiry_with_a_publishers_silo_killed_loses_and_reorders_nothing() =>
        RunOutageAsync(silos: 2, TimeSpan.FromSeconds(24), publishTimeoutMs: 1_000, new Dictionary<string, string?>
        {
            ["DurableStreams:RetryMaxDelay"] = "00:00:00.300",
        }, killPublisherSilo: true);

    private async Task RunOutageAsync(
        int silos, TimeSpan outage, int publishTimeoutMs, IReadOnlyDictionary<string, string?>? settings, bool killPublisherSilo)
    {
        await using var feeder = await FeederCluster.StartAsync(silos, _kafka.BootstrapServers, options =>
        {
            options.PublishTimeoutMs = publishTimeoutMs;
            options.Settings["reconnect.backoff.max.ms"] = "200";
        }, settings: settings);
        string[] tenants = ["acme", "globex"];
        foreach (var tenant in tenants)
        {
            await feeder.AddTenantAsync(tenant);
            _kafka.CreateTopic(feeder.TopicOf(tenant), partitions: 4);
        }

        var expected = tenants.ToDictionary(t => t, _ => new Dictionary<string, IReadOnlyList<string>>());
        var next = 0;
        async Task IngestRoundAsync()
        {
            var round = next++;
            foreach (var tenant in tenants)
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, 20), async (i, _) =>
                {
                    var externalId = $"r{round:D4}-{i:D2}";
                    Assert.Equal(IngestOutcome.Recorded, await feeder.IngestAsync(tenant, externalId));
                    if (i == 0)
                    {
                        Assert.Equal(RaiseOutcome.Published, await feeder.PostAnalysisAsync(tenant, externalId));
                    }
                });
                for (var i = 0; i < 20; i++)
                {
                    expected[tenant][$"r{round:D4}-{i:D2}"] = i == 0 ? WithAnalysis : CreatedOnly;
                }
            }
        }

        await IngestRoundAsync();
        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(1));

        _kafka.SetBrokerDown(1);
        var down = Stopwatch.StartNew();
        var killed = !killPublisherSilo;
        while (down.Elapsed < outage)
        {
            await IngestRoundAsync();
            if (!killed && down.Elapsed > outage / 2)
            {
                // The publisher is retrying its failed batch, so it is active: kill the silo that holds it.
                var publisher = await feeder.Cluster.SiloOfAsync(
                    feeder.Client.GetGrain<IDataFeederPublisherGrain>(DataFeederStream.KeyFor("acme", "r0000-00")));
                await feeder.Cluster.KillAsync(publisher);
                killed = true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        // Still waiting in the outbox: the outage really held them back.
        Assert.True(await feeder.PendingEventsAsync() > 0, "events pending at the end of the outage");
        _kafka.SetBrokerUp(1);

        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(2));
        foreach (var tenant in tenants)
        {
            TopicExpectations.AssertDelivered(tenant, expected[tenant], KafkaReadBack.ReadAll(_kafka.BootstrapServers, feeder.TopicOf(tenant)));
        }
    }

    public void Dispose() => _kafka.Dispose();
}
