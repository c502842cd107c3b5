namespace KnovvuOrleans.Grains.Streaming;

/// <summary>The outbox in memory, for the demo and fast tests: nothing outlives the process.</summary>
public sealed class InMemoryEventOutbox(TimeProvider time) : IEventOutbox
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, (OutboxStream Stream, StoredOutboxEntry Entry, DateTimeOffset AppendedAt)> _entries = [];
    private readonly HashSet<Guid> _waiting = [];
    private long _sequence;

    public Task<long> AppendAsync(string streamNamespace, string streamKey, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var last = 0L;
            foreach (var entry in entries.Where(e => _waiting.Add(e.EventId)))
            {
                last = ++_sequence;
                _entries[last] = (new OutboxStream(streamNamespace, streamKey),
                    new StoredOutboxEntry(last, entry.EventId, entry.PublishedAt, entry.Payload, entry.TraceParent), time.GetUtcNow());
            }

            return Task.FromResult(last);
        }
    }

    public Task<IReadOnlyList<StoredOutboxEntry>> ReadAsync(string streamNamespace, string streamKey, int limit, CancellationToken cancellationToken)
    {
        var stream = new OutboxStream(streamNamespace, streamKey);
        lock (_lock)
        {
            IReadOnlyList<StoredOutboxEntry> waiting = _entries.Values.Where(e => e.Stream == stream).Take(limit).Select(e => e.Entry).ToList();
            return Task.FromResult(waiting);
        }
    }

    public Task AcknowledgeAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var sequence in sequences)
            {
                if (_entries.Remove(sequence, out var removed))
                {
                    _waiting.Remove(removed.Entry.EventId);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxStream>> WaitingStreamsAsync(TimeSpan age, int limit, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - age;
        lock (_lock)
        {
            IReadOnlyList<OutboxStream> streams = _entries.Values.Where(e => e.AppendedAt < before).Select(e => e.Stream).Distinct().Take(limit).ToList();
            return Task.FromResult(streams);
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_entries.Count);
        }
    }
}
