using Confluent.Kafka;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Connector;

internal static class DeliveredEvents
{
    /// <summary>
    /// At-least-once as the contract says: every sent event was read, nothing else was, every copy of an event has its
    /// body, and each conversation's first copies are in order 0, 1, 2… (repeats of a retried batch may follow).
    /// </summary>
    public static void AssertAtLeastOnceInOrder(IReadOnlyList<DataFeederRecord> sent, IReadOnlyList<ConsumeResult<string, byte[]>> read, int eventsEach)
    {
        var byId = sent.ToDictionary(r => r.EventId);
        var copies = read.GroupBy(r => Guid.Parse(r.Header(KafkaDataFeederConnector.EventIdHeader))).ToList();
        Assert.Equal(byId.Keys.Order(), copies.Select(c => c.Key).Order());
        Assert.All(copies, c => Assert.All(c, copy => Assert.Equal(byId[c.Key].Body, copy.Message.Value)));
        foreach (var conversation in read.GroupBy(r => r.Message.Key))
        {
            var firstCopies = conversation.OrderBy(r => r.Offset.Value)
                .DistinctBy(r => r.Header(KafkaDataFeederConnector.EventIdHeader))
                .Select(r => TestEvents.SequenceOf(r.Message.Value, r.Header(KafkaDataFeederConnector.EventTypeHeader)));
            Assert.Equal(Enumerable.Range(0, eventsEach), firstCopies);
        }
    }
}
