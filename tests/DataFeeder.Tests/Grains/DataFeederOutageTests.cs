using System.Diagnostics;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Simulators.Kafka;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// The Kafka endpoint down for 30 s (a mock cluster in the test process, so the shared endpoint stays well): the
/// conversation grains keep accepting conversations, the events wait in the outbox, and all arrive, in order, after.
/// </summary>
public sealed class DataFeederOutageTests : IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private static readonly IReadOnlyList<string> CreatedOnly = [DataFeederEventTypes.ConversationCreated];

    private static readonly IReadOnlyList<string> WithAnalysis = [DataFeederEventTypes.ConversationCreated, DataFeederEventTypes.ConversationAnalyzed];

    private readonly MockKafkaCluster _kafka = MockKafkaCluster.Start(brokers: 1);

    [Fact]
    public async Task Conversations_accepted_while_Kafka_is_down_for_30_seconds_are_all_delivered_in_order_after_it_returns()
    {
        await using var feeder = await FeederCluster.StartAsync(1, _kafka.BootstrapServers, options =>
        {
            // A publish during the outage fails after 3 s instead of 30, so the relay retries several times meanwhile.
            options.MessageTimeoutMs = 3_000;
            options.Settings["reconnect.backoff.max.ms"] = "200";
        });
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
        while (down.Elapsed < Outage)
        {
            await IngestRoundAsync();
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
