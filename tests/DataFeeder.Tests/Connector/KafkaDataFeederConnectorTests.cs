using Confluent.Kafka;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Connector;

/// <summary>The Kafka connector against the test run's Kafka-protocol endpoint, read back with a real consumer.</summary>
public sealed class KafkaDataFeederConnectorTests
{
    private static string Bootstrap => TestEnvironment.KafkaBootstrapServers;

    [Fact]
    public async Task Every_record_arrives_with_its_exact_body_its_externalId_as_key_and_the_event_headers()
    {
        var topic = Connectors.NewTopic("exact");
        var records = Enumerable.Range(0, 3).Select(sequence => TestEvents.Event("tenant-a", "testsss.wav", sequence)).ToList();
        using var connector = Connectors.Create(Bootstrap);

        await connector.PublishAsync(new DataFeederDestination(topic), records, CancellationToken.None);

        var read = KafkaReadBack.ReadAll(Bootstrap, topic);
        Assert.Equal(records.Count, read.Count);
        foreach (var (record, result) in records.Zip(read))
        {
            Assert.Equal(record.Body, result.Message.Value);
            Assert.Equal("testsss.wav", result.Message.Key);
            Assert.Equal(record.EventId.ToString("D"), result.Header(KafkaDataFeederConnector.EventIdHeader));
            Assert.Equal(record.EventType, result.Header(KafkaDataFeederConnector.EventTypeHeader));
            Assert.Equal("tenant-a", result.Header(KafkaDataFeederConnector.TenantIdHeader));
        }
    }

    [Fact]
    public async Task Each_conversations_events_stay_in_order_in_one_partition_across_1200_events_published_concurrently()
    {
        const int Publishers = 4;
        const int ConversationsEach = 15;
        const int EventsEach = 20;
        var topic = Connectors.NewTopic("order");
        using var connector = Connectors.Create(Bootstrap);
        // Like relays: each publisher owns its conversations and sends batches of 50 one after the other.
        var published = await Task.WhenAll(Enumerable.Range(0, Publishers).Select(async p =>
        {
            var records = TestEvents.Interleaved("tenant-a", TestEvents.Conversations($"p{p}", ConversationsEach), EventsEach);
            foreach (var batch in records.Chunk(50))
            {
                await connector.PublishAsync(new DataFeederDestination(topic), batch, CancellationToken.None);
            }

            return records;
        }));

        var read = KafkaReadBack.ReadAll(Bootstrap, topic);

        Assert.Equal(published.Sum(r => r.Count), read.Count);
        Assert.Equal(published.SelectMany(r => r).Select(r => r.EventId).Order(), read.Select(r => Guid.Parse(r.Header(KafkaDataFeederConnector.EventIdHeader))).Order());
        var byConversation = read.GroupBy(r => r.Message.Key).ToList();
        Assert.Equal(Publishers * ConversationsEach, byConversation.Count);
        foreach (var conversation in byConversation)
        {
            Assert.Single(conversation.Select(r => r.Partition.Value).Distinct());
            var sequence = conversation.OrderBy(r => r.Offset.Value)
                .Select(r => TestEvents.SequenceOf(r.Message.Value, r.Header(KafkaDataFeederConnector.EventTypeHeader)));
            Assert.Equal(Enumerable.Range(0, EventsEach), sequence);
        }

        Assert.True(read.Select(r => r.Partition.Value).Distinct().Count() > 1, "the conversations should spread over several partitions");
    }

    [Fact]
    public async Task Two_tenants_publishing_at_once_never_see_each_others_events()
    {
        var (topicA, topicB) = (Connectors.NewTopic("tenant-a"), Connectors.NewTopic("tenant-b"));
        var recordsA = TestEvents.Interleaved("tenant-a", TestEvents.Conversations("a", 10), 10);
        var recordsB = TestEvents.Interleaved("tenant-b", TestEvents.Conversations("b", 10), 10);
        using var connector = Connectors.Create(Bootstrap);

        await Task.WhenAll(
            PublishInBatchesAsync(connector, topicA, recordsA),
            PublishInBatchesAsync(connector, topicB, recordsB));

        foreach (var (topic, tenant, records) in new[] { (topicA, "tenant-a", recordsA), (topicB, "tenant-b", recordsB) })
        {
            var read = KafkaReadBack.ReadAll(Bootstrap, topic);
            Assert.All(read, r => Assert.Equal(tenant, r.Header(KafkaDataFeederConnector.TenantIdHeader)));
            Assert.Equal(records.Select(r => r.EventId).Order(), read.Select(r => Guid.Parse(r.Header(KafkaDataFeederConnector.EventIdHeader))).Order());
        }
    }

    [Fact]
    public async Task A_batch_larger_than_the_local_send_queue_waits_for_room_and_is_delivered_completely()
    {
        var topic = Connectors.NewTopic("queue-full");
        var records = TestEvents.Interleaved("tenant-a", TestEvents.Conversations("queue", 10), 30);
        using var connector = Connectors.Create(Bootstrap, options => options.Settings["queue.buffering.max.messages"] = "16");

        await connector.PublishAsync(new DataFeederDestination(topic), records, CancellationToken.None);

        DeliveredEvents.AssertAtLeastOnceInOrder(records, KafkaReadBack.ReadAll(Bootstrap, topic), 30);
    }

    [Fact]
    public async Task An_empty_batch_is_published_at_once()
    {
        using var connector = Connectors.Create(Bootstrap);

        await connector.PublishAsync(new DataFeederDestination(Connectors.NewTopic("empty")), [], CancellationToken.None);
    }

    private static async Task PublishInBatchesAsync(KafkaDataFeederConnector connector, string topic, List<DataFeederRecord> records)
    {
        foreach (var batch in records.Chunk(25))
        {
            await connector.PublishAsync(new DataFeederDestination(topic), batch, CancellationToken.None);
        }
    }
}
