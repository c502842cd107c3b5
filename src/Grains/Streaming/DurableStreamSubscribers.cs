using KnovvuOrleans.Grains.Abstractions.Streaming;

namespace KnovvuOrleans.Grains.Streaming;

/// <summary>Which subscriber grain interface serves each durable stream namespace (one per namespace).</summary>
public sealed class DurableStreamSubscribers(IReadOnlyDictionary<string, Func<IGrainFactory, string, IOutboxSubscriberGrain>> byNamespace)
{
    public IOutboxSubscriberGrain? For(IGrainFactory grains, OutboxStream stream) =>
        byNamespace.TryGetValue(stream.Namespace, out var subscriber) ? subscriber(grains, stream.Key) : null;
}
