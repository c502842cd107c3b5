using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// The tenant's Data Feeder settings as they are when an event is published, not when it was raised: events raised
/// while the destination failed follow the settings changed meanwhile (off or type dropped: dropped, not kept; new
/// topic: sent there).
/// </summary>
public sealed class DataFeederSettingsTests
{
    private const int Conversations = 20;

    [Fact]
    public async Task Events_waiting_when_the_feed_is_switched_off_are_dropped_not_kept()
    {
        var (feeder, connector) = await StartWithWaitingEventsAsync();
        await using (feeder)
        {
            await SetAsync(feeder, new DataFeederSettings(false, DataFeederEventTypes.All, feeder.TopicOf("acme")));
            connector.Failing = false;

            await feeder.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, connector.Published);
        }
    }

    [Fact]
    public async Task Events_waiting_when_their_type_is_no_longer_chosen_are_dropped_and_later_types_still_go()
    {
        var (feeder, connector) = await StartWithWaitingEventsAsync();
        await using (feeder)
        {
            await SetAsync(feeder, new DataFeederSettings(true, [DataFeederEventTypes.CategoryMatch], feeder.TopicOf("acme")));
            connector.Failing = false;
            Assert.Equal(RaiseOutcome.Published, await feeder.PostCategoryAsync("acme", "c-00"));

            await feeder.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(60));
            var read = KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, feeder.TopicOf("acme"));
            Assert.Equal([DataFeederEventTypes.CategoryMatch],
                read.Select(r => r.Header(KafkaDataFeederConnector.EventTypeHeader)).Distinct());
        }
    }

    [Fact]
    public async Task Events_waiting_when_the_topic_changes_go_to_the_new_topic_in_order()
    {
        var (feeder, connector) = await StartWithWaitingEventsAsync();
        await using (feeder)
        {
            var moved = $"{feeder.TopicOf("acme")}-moved";
            await SetAsync(feeder, new DataFeederSettings(true, DataFeederEventTypes.All, moved));
            connector.Failing = false;

            await feeder.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(60));
            TopicExpectations.AssertDelivered("acme",
                Ids().ToDictionary(id => id, _ => (IReadOnlyList<string>)[DataFeederEventTypes.ConversationCreated]),
                KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, moved));
        }
    }

    /// <summary>A tenant whose destination fails, with <see cref="Conversations"/> Created events waiting in the outbox.</summary>
    private static async Task<(FeederCluster, SwitchableConnector)> StartWithWaitingEventsAsync()
    {
        SwitchableConnector? connector = null;
        var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers,
            wrap: inner =>
            {
                var built = new SwitchableConnector(inner) { Failing = true };
                Volatile.Write(ref connector, built);
                return built;
            });
        await feeder.AddTenantAsync("acme");
        foreach (var id in Ids())
        {
            Assert.Equal(IngestOutcome.Recorded, await feeder.IngestAsync("acme", id));
        }

        // The silo builds its connector when the publisher grain first needs it.
        await Eventually.TrueAsync(() => Volatile.Read(ref connector) is not null, "the relay offering the events");
        Assert.Equal(Conversations, await feeder.PendingEventsAsync());
        return (feeder, connector!);
    }

    private static Task<TenantFeatures?> SetAsync(FeederCluster feeder, DataFeederSettings settings) =>
        feeder.Client.GetGrain<ITenantGrain>("acme").UpdateFeatures(TenantFeatures.Default with { DataFeeder = settings });

    private static IEnumerable<string> Ids() => Enumerable.Range(0, Conversations).Select(i => $"c-{i:D2}");
}
