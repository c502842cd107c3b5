namespace KnovvuOrleans.Grains.Streaming;

/// <summary>
/// Where the events of the durable streams wait until their subscriber has handled them. Appending is the commit
/// point of a publish; the Orleans stream only wakes the subscriber, which reads the events from here in order.
/// </summary>
public interface IEventOutbox
{
    /// <summary>Appends events to the end of a stream, skipping any whose id is still waiting; returns the last sequence.</summary>
    Task<long> AppendAsync(string streamNamespace, string streamKey, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>The oldest waiting events of a stream, in sequence order.</summary>
    Task<IReadOnlyList<StoredOutboxEntry>> ReadAsync(string streamNamespace, string streamKey, int limit, CancellationToken cancellationToken);

    /// <summary>Removes handled events, by sequence (never by range: a slower append may hold a lower sequence).</summary>
    Task AcknowledgeAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken);

    /// <summary>Streams with an event appended longer ago than <paramref name="age"/> and still waiting.</summary>
    Task<IReadOnlyList<OutboxStream>> WaitingStreamsAsync(TimeSpan age, int limit, CancellationToken cancellationToken);

    /// <summary>Events waiting in all streams.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}

/// <summary>An event to append: its id (kept across redeliveries), when it was raised, its JSON and its W3C trace context.</summary>
public sealed record OutboxEntry(Guid EventId, DateTimeOffset PublishedAt, string Payload, string? TraceParent = null);

/// <summary>An event waiting in the outbox, with its place in the outbox.</summary>
public sealed record StoredOutboxEntry(long Sequence, Guid EventId, DateTimeOffset PublishedAt, string Payload, string? TraceParent = null);

public sealed record OutboxStream(string Namespace, string Key);
