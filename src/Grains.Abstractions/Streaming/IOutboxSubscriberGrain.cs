using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Streaming;

/// <summary>
/// The subscriber of a durable stream (key: the stream key). It is woken by the stream's notices and by the
/// redelivery agent, and delivers the stream's waiting outbox events in order, removing each only once handled.
/// </summary>
[Alias("knovvu.IOutboxSubscriberGrain")]
public interface IOutboxSubscriberGrain : IGrainWithStringKey
{
    /// <summary>
    /// Schedules a delivery of what the stream's outbox holds and returns at once, so the caller never waits for a
    /// long delivery. While a retry after a failure is pending, the retry's back-off stands.
    /// </summary>
    [Alias("Wake")]
    Task Wake();
}
