using System.Collections.Concurrent;
using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Runtime.Tests.Grains;

public interface ISubscriberGrain : IGrainWithStringKey, IAsyncBatchObserver<TestEvent>;

[ImplicitStreamSubscription(PublisherGrain.Namespace)]
public sealed class SubscriberGrain(DeliveryLog log) : Grain, ISubscriberGrain
{
    public Task OnNextAsync(IList<SequentialItem<TestEvent>> items) => log.DeliverAsync(GetPrimaryKeyString(), items);
}

/// <summary>What the subscribers received, with injectable failures and slowness; shared across silo restarts.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public int Failures;

    public TimeSpan DelayPerBatch { get; set; }

    public void FailNext(string key, int times) => _failuresLeft[key] = times;

    public async Task DeliverAsync(string key, IList<SequentialItem<TestEvent>> items)
    {
        if (DelayPerBatch > TimeSpan.Zero)
        {
            await Task.Delay(DelayPerBatch);
        }

        if (_failuresLeft.TryGetValue(key, out var left) && left > 0)
        {
            _failuresLeft[key] = left - 1;
            Interlocked.Increment(ref Failures);
            throw new InvalidOperationException($"subscriber failure for {key}");
        }

        foreach (var item in items)
        {
            Deliveries.Enqueue(new Delivery(key, item.Item.Number, item.Token.SequenceNumber, item.Token.EventId));
        }
    }

    public sealed record Delivery(string Key, int Number, long Sequence, Guid EventId);
}
