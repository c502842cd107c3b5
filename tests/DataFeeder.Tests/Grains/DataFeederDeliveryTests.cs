using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// Conversation events from the Conversation grain through the durable stream and the publisher grain to Kafka (the
/// Kafka-protocol endpoint scripts/test.sh starts), read back with a real consumer; real PostgreSQL.
/// </summary>
public sealed class DataFeederDeliveryTests
{
    private const int Tenants = 20;
    private const int ConversationsEach = 500;
    private const int AnalysedEach = 15;
    private const int AnalysedBeforeIngestEach = 5;

    private static readonly IReadOnlyList<string> CreatedOnly = [DataFeederEventTypes.ConversationCreated];

    private static readonly IReadOnlyList<string> WithResults =
        [DataFeederEventTypes.ConversationCreated, DataFeederEventTypes.ConversationAnalyzed, DataFeederEventTypes.CategoryMatch];

    [Fact]
    public async Task Ten_thousand_conversations_of_twenty_tenants_reach_their_own_topics_with_every_event_in_order()
    {
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers);
        var tenants = Enumerable.Range(0, Tenants).Select(t => $"tenant-{t:D2}").ToList();
        foreach (var tenant in tenants)
        {
            await feeder.AddTenantAsync(tenant);
        }

        var conversations = tenants
            .SelectMany(tenant => Enumerable.Range(0, ConversationsEach).Select(i => (Tenant: tenant, ExternalId: $"c-{i:D4}.wav", Index: i)))
            .ToList();
        // Results posted before the conversation is recorded are held, then follow its Created event.
        foreach (var (tenant, externalId, _) in conversations.Where(c => c.Index < AnalysedBeforeIngestEach))
        {
            Assert.Equal(RaiseOutcome.Held, await feeder.PostAnalysisAsync(tenant, externalId));
            Assert.Equal(RaiseOutcome.Held, await feeder.PostCategoryAsync(tenant, externalId));
        }

        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, _) =>
        {
            Assert.Equal(IngestOutcome.Recorded, await feeder.IngestAsync(c.Tenant, c.ExternalId, isCall: c.Index % 2 == 0));
            if (c.Index is >= AnalysedBeforeIngestEach and < AnalysedEach)
            {
                Assert.Equal(RaiseOutcome.Published, await feeder.PostAnalysisAsync(c.Tenant, c.ExternalId));
                Assert.Equal(RaiseOutcome.Published, await feeder.PostCategoryAsync(c.Tenant, c.ExternalId));
            }
        });

        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(5));
        foreach (var tenant in tenants)
        {
            TopicExpectations.AssertDelivered(tenant,
                conversations.Where(c => c.Tenant == tenant)
                    .ToDictionary(c => c.ExternalId, c => c.Index < AnalysedEach ? WithResults : CreatedOnly),
                KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, feeder.TopicOf(tenant)));
        }
    }
}
