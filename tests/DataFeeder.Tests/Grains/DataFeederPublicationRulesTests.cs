using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.Tenants;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// What reaches a topic, read back from Kafka: Created before every later event of its conversation, nothing of a
/// conversation that is never published, nothing held past its expiry, and only the topic's own tenant's events.
/// </summary>
public sealed class DataFeederPublicationRulesTests
{
    [Fact]
    public async Task Results_of_a_draft_or_test_conversation_are_never_published()
    {
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers);
        await feeder.AddTenantAsync("acme");

        // Held before the draft is recorded, and posted after it: neither may reach the topic without a Created.
        Assert.Equal(RaiseOutcome.Held, await feeder.PostAnalysisAsync("acme", "draft-1"));
        await feeder.IngestAsync("acme", "draft-1", status: VaSessionStatus.Draft);
        Assert.Equal(RaiseOutcome.NotPublished, await feeder.PostCategoryAsync("acme", "draft-1"));
        await feeder.IngestAsync("acme", "test-1", status: VaSessionStatus.Test);
        Assert.Equal(RaiseOutcome.NotPublished, await feeder.PostAnalysisAsync("acme", "test-1"));
        await feeder.IngestAsync("acme", "published-1");
        await feeder.PostAnalysisAsync("acme", "published-1");

        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(1));
        TopicExpectations.AssertDelivered("acme",
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["published-1"] = [DataFeederEventTypes.ConversationCreated, DataFeederEventTypes.ConversationAnalyzed],
            },
            KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, feeder.TopicOf("acme")));
    }

    [Fact]
    public async Task A_result_of_a_conversation_recorded_while_created_was_not_sent_follows_its_created()
    {
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers);
        await feeder.AddTenantAsync("acme");
        var tenant = feeder.Client.GetGrain<ITenantGrain>("acme");
        var on = (await tenant.GetFeatures())!;
        await tenant.UpdateFeatures(on with { DataFeeder = on.DataFeeder with { Enabled = false } });
        await feeder.IngestAsync("acme", "recorded-while-off");
        await tenant.UpdateFeatures(on);

        Assert.Equal(RaiseOutcome.Published, await feeder.PostAnalysisAsync("acme", "recorded-while-off"));
        Assert.Equal(RaiseOutcome.Published, await feeder.PostCategoryAsync("acme", "recorded-while-off"));

        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(1));
        TopicExpectations.AssertDelivered("acme",
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["recorded-while-off"] =
                    [DataFeederEventTypes.ConversationCreated, DataFeederEventTypes.ConversationAnalyzed, DataFeederEventTypes.CategoryMatch],
            },
            KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, feeder.TopicOf("acme")));
    }

    [Fact]
    public async Task Held_results_of_a_conversation_not_recorded_in_time_expire_are_counted_and_never_published()
    {
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers, settings: new Dictionary<string, string?>
        {
            ["DataFeeder:HeldResults:Expiry"] = "00:00:02",
            ["DataFeeder:HeldResults:SweepPeriod"] = "00:00:01",
        });
        await feeder.AddTenantAsync("acme");
        var kept = KnovvuTestCluster.ServicesOf(feeder.Cluster.Silos[0]).GetRequiredService<IKeptEventStore>();

        Assert.Equal(RaiseOutcome.Held, await feeder.PostAnalysisAsync("acme", "late"));
        Assert.Equal(RaiseOutcome.Held, await feeder.PostCategoryAsync("acme", "late"));
        Assert.Equal(new HeldResultCounts(2, 0), await kept.CountHeldAsync("acme", CancellationToken.None));
        await Eventually.TrueAsync(async () => await kept.CountHeldAsync("acme", CancellationToken.None) == new HeldResultCounts(0, 2),
            "both held results expired and counted", TimeSpan.FromSeconds(30));

        // Recorded after all, too late: its Created goes out alone.
        await feeder.IngestAsync("acme", "late");
        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(1));
        TopicExpectations.AssertDelivered("acme",
            new Dictionary<string, IReadOnlyList<string>> { ["late"] = [DataFeederEventTypes.ConversationCreated] },
            KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, feeder.TopicOf("acme")));
        Assert.Equal(new HeldResultCounts(0, 2), await kept.CountHeldAsync("acme", CancellationToken.None));
    }

    [Fact]
    public async Task A_tenant_cannot_take_another_tenants_topic_and_its_events_never_reach_it()
    {
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers);
        await feeder.AddTenantAsync("owner");
        var taken = feeder.TopicOf("owner");
        var intruder = feeder.Client.GetGrain<ITenantGrain>("intruder");
        await intruder.Create("intruder");
        var settings = TenantFeatures.Default with { DataFeeder = new DataFeederSettings(true, DataFeederEventTypes.All, taken) };

        var refused = await Assert.ThrowsAsync<TopicTakenException>(() => intruder.UpdateFeatures(settings));
        Assert.Equal(taken, refused.Topic);
        await Assert.ThrowsAsync<TopicTakenException>(() => intruder.UpdateFeatures(
            settings with { DataFeeder = settings.DataFeeder with { Topic = taken.ToUpperInvariant() } }));
        Assert.False((await intruder.GetFeatures())!.DataFeeder.Enabled);
    }

    [Fact]
    public async Task Settings_stored_before_topics_had_owners_are_checked_again_at_publish_time()
    {
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers);
        await feeder.AddTenantAsync("owner");
        var taken = feeder.TopicOf("owner");
        // The intruder's settings as an older version stored them, without claiming the topic.
        var storage = KnovvuTestCluster.ServicesOf(feeder.Cluster.Silos[0]).GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        await storage.WriteStateAsync("tenant", GrainId.Create("tenant", "intruder"), new GrainState<TenantState>(new TenantState
        {
            Name = "intruder",
            Features = TenantFeatures.Default with { DataFeeder = new DataFeederSettings(true, DataFeederEventTypes.All, taken) },
        }));

        await feeder.IngestAsync("intruder", "sneaky");
        await feeder.IngestAsync("owner", "own");
        await Eventually.TrueAsync(async () => await feeder.PendingEventsAsync() == 1, "the owner's event delivered, the intruder's held back");
        // Several relay attempts of the intruder's event pass while the owner's topic is read.
        await Task.Delay(TimeSpan.FromSeconds(2));
        TopicExpectations.AssertDelivered("owner",
            new Dictionary<string, IReadOnlyList<string>> { ["own"] = [DataFeederEventTypes.ConversationCreated] },
            KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, taken));

        // Given a topic of its own, the intruder's event goes there.
        var own = feeder.TopicOf("intruder");
        await feeder.Client.GetGrain<ITenantGrain>("intruder").UpdateFeatures(
            TenantFeatures.Default with { DataFeeder = new DataFeederSettings(true, DataFeederEventTypes.All, own) });
        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(1));
        TopicExpectations.AssertDelivered("intruder",
            new Dictionary<string, IReadOnlyList<string>> { ["sneaky"] = [DataFeederEventTypes.ConversationCreated] },
            KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, own));
    }
}
