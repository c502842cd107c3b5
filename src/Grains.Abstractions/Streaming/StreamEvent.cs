using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Streaming;

/// <summary>
/// An event of a durable stream as its subscriber receives it. The id is made with the event and kept in the outbox,
/// so a redelivery carries the same id and consumers can de-duplicate on it.
/// </summary>
[GenerateSerializer, Alias("knovvu.StreamEvent`1")]
public sealed record StreamEvent<T>(Guid EventId, DateTimeOffset PublishedAt, T Item);
