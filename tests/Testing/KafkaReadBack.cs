using Confluent.Kafka;

namespace KnovvuOrleans.Testing;

/// <summary>Reads a whole topic back with a real consumer: every partition from its beginning to its end.</summary>
public static class KafkaReadBack
{
    // A bound so that a broken endpoint fails the test instead of hanging it; reading normally takes well under a second.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<ConsumeResult<string, byte[]>> ReadAll(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, GiveUpAfter).Topics.Single().Partitions
            .Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning))
            .ToList();

        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"read-back-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).Build();
        // Assigned, not subscribed: no group rebalance to wait for, and every partition is read.
        consumer.Assign(partitions);

        var results = new List<ConsumeResult<string, byte[]>>();
        var atEnd = new HashSet<int>();
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (atEnd.Count < partitions.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Topic {topic}: {atEnd.Count} of {partitions.Count} partitions read to the end after {GiveUpAfter}.");
            }

            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }

            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
            }
            else
            {
                atEnd.Remove(result.Partition.Value);
                results.Add(result);
            }
        }

        return results;
    }

    public static string Header(this ConsumeResult<string, byte[]> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var value)
            ? System.Text.Encoding.UTF8.GetString(value)
            : throw new KeyNotFoundException($"Header {name} is missing.");
}
