using System.Text.Json;
using KnovvuOrleans.Runtime.Activation;
using KnovvuOrleans.Runtime.Storage;

namespace KnovvuOrleans.Runtime.Streams;

/// <summary>Streams backed by the store's outbox.</summary>
internal sealed class OutboxStreamProvider(GrainRuntime runtime) : IStreamProvider
{
    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new OutboxStream<T>(runtime, streamId);

    private sealed class OutboxStream<T>(GrainRuntime runtime, StreamId streamId) : IAsyncStream<T>
    {
        private readonly string _stream = streamId.ToString();
        private readonly int _partition = runtime.PartitionOf(streamId);

        public StreamId StreamId => streamId;

        public Task OnNextAsync(T item) => OnNextBatchAsync([item]);

        public Task OnNextBatchAsync(IEnumerable<T> items)
        {
            var events = items
                .Select(item => new OutboxEvent(
                    _stream, _partition, Guid.CreateVersion7(), JsonSerializer.Serialize(item, runtime.Options.SerializerOptions)))
                .ToList();
            if (TurnContext.Current is { } turn)
            {
                turn.Publish(events);
                return Task.CompletedTask;
            }

            return runtime.CommitAsync(null, events, null);
        }
    }
}
