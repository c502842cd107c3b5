namespace KnovvuOrleans.Runtime;

/// <summary>
/// A durable stream. Inside a grain turn, published items are held until the turn's next state write (same
/// transaction) or the end of the turn; they are dropped if the turn throws. Outside a grain they are committed
/// at once. Subscribers receive them in publication order per stream, at least once, each with a stable event id.
/// </summary>
public interface IAsyncStream<in T>
{
    StreamId StreamId { get; }

    Task OnNextAsync(T item);

    Task OnNextBatchAsync(IEnumerable<T> items);
}
