using System.Text;
using Confluent.Kafka;

namespace KnovvuOrleans.Demo.Progress;

/// <summary>
/// The last events read back from one tenant's topic, as a consumer of the product sees them (key, headers, body), so
/// the demo shows its Kafka output without a separate Kafka tool.
/// </summary>
public sealed class RecentEvents
{
    private const int Kept = 20;
    private readonly Queue<KafkaEventSample> _events = new();
    private readonly Lock _gate = new();

    public void Add(ConsumeResult<string, byte[]> result)
    {
        var sample = new KafkaEventSample(
            result.Partition.Value,
            result.Offset.Value,
            result.Message.Key,
            result.Message.Headers?.ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.GetValueBytes())) ?? [],
            Encoding.UTF8.GetString(result.Message.Value));
        lock (_gate)
        {
            _events.Enqueue(sample);
            if (_events.Count > Kept)
            {
                _events.Dequeue();
            }
        }
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<KafkaEventSample> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }
}

/// <summary>One event as read from the topic; the body is the Data Feeder's JSON.</summary>
public sealed record KafkaEventSample(int Partition, long Offset, string Key, IReadOnlyDictionary<string, string> Headers, string Body);
