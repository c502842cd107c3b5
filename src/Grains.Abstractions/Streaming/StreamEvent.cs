using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Streaming;

/// <summary>
/// An event of a durable stream as its subscriber receives it. The id is made with the event and kept in the outbox,
/// so a redelivery carries the same id and consumers can de-duplicate on it. <see cref="TraceParent"/> is the W3C trace
/// context the event was raised in (kept in the outbox too), so that its subscriber's work joins the same trace; null
/// when the publisher was not traced or, before it is published, to take the publishing call's context.
/// </summary>
[GenerateSerializer, Alias("knovvu.StreamEvent`1")]
public sealed record StreamEvent<T>(Guid EventId, DateTimeOffset PublishedAt, T Item, string? TraceParent = null);
