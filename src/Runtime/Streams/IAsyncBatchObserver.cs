namespace KnovvuOrleans.Runtime;

/// <summary>
/// Implemented by a subscriber grain's interface. The relay calls it with consecutive events of one stream, in
/// order; if it throws, the same events are offered again after a back-off (never skipped).
/// </summary>
public interface IAsyncBatchObserver<T>
{
    Task OnNextAsync(IList<SequentialItem<T>> items);
}

/// <summary>A stream item with its position.</summary>
public sealed record SequentialItem<T>(T Item, StreamSequenceToken Token);

/// <summary>
/// Where an item stands in its stream: a sequence number that grows by one per item of the stream, and an event id
/// that stays the same across redeliveries (consumers de-duplicate on it).
/// </summary>
public sealed record StreamSequenceToken(long SequenceNumber, Guid EventId, DateTime PublishedUtc);
