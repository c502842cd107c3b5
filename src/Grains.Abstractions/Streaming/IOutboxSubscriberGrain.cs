using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.Streaming;

/// <summary>
/// The subscriber of a durable stream (key: the stream key). It is woken by the stream's notices and by the
/// redelivery agent, and delivers the stream's pending outbox events in order, removing each only once handled.
/// </summary>
[Alias("knovvu.IOutboxSubscriberGrain")]
[Alias("knovvu.IOutboxSubscriberGrain")]
public interface IOutboxSubscriberGrain : IGrainWithStringKey
{
    /// <summary>Delivers what the stream's outbox holds; a failure leaves it there for the next attempt.</summary>
    [Alias("Drain")]
    Task Drain();
}
