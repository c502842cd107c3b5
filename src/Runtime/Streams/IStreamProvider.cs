namespace KnovvuOrleans.Runtime;

/// <summary>Hands out durable streams.</summary>
public interface IStreamProvider
{
    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
