using Confluent.Kafka;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// What one tenant's topic must hold: for each conversation, its event types in the order raised, each at least once;
/// copies of one event (same <c>event-id</c>) byte for byte the same; nothing of another tenant.
/// </summary>
internal static class TopicExpectations
{
    public static void AssertDelivered(
        string tenantId, IReadOnlyDictionary<string, IReadOnlyList<string>> expected, IReadOnlyList<ConsumeResult<string, byte[]>> read)
    {
        Assert.All(read, r => Assert.Equal(tenantId, r.Header(KafkaDataFeederConnector.TenantIdHeader)));
        foreach (var copies in read.GroupBy(r => r.Header(KafkaDataFeederConnector.EventIdHeader)))
        {
            Assert.Single(copies.Select(c => Convert.ToBase64String(c.Message.Value)).Distinct());
            Assert.Single(copies.Select(c => c.Message.Key).Distinct());
        }

        var byConversation = read.GroupBy(r => r.Message.Key).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)g.OrderBy(r => r.Offset.Value)
                .DistinctBy(r => r.Header(KafkaDataFeederConnector.EventIdHeader))
                .Select(r => r.Header(KafkaDataFeederConnector.EventTypeHeader))
                .ToList());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), byConversation.Keys.Order(StringComparer.Ordinal));
        foreach (var (externalId, types) in expected)
        {
            Assert.True(types.SequenceEqual(byConversation[externalId]),
                $"{tenantId}/{externalId}: expected {string.Join(", ", types)}; read {string.Join(", ", byConversation[externalId])}");
        }

        foreach (var created in read.Where(r => r.Header(KafkaDataFeederConnector.EventTypeHeader) == DataFeederEventTypes.ConversationCreated))
        {
            var message = DataFeederMessageSerializer.Deserialize<ConversationCreatedForDataFeeder>(created.Message.Value);
            Assert.Equal(tenantId, message.Payload.TenantId);
            Assert.Equal(created.Message.Key, message.Payload.Conversation.ExternalId);
        }
    }
}
