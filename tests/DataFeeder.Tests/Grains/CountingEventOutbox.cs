using KnovvuOrleans.Grains.Streaming;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>The outbox, counting the reads that found nothing waiting.</summary>
internal sealed class CountingEventOutbox(IEventOutbox inner) : IEventOutbox
{
    private int _emptyReads;

    public int EmptyReads => Volatile.Read(ref _emptyReads);

    public Task<long> AppendAsync(string streamNamespace, string streamKey, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) =>
        inner.AppendAsync(streamNamespace, streamKey, entries, cancellationToken);

    public async Task<IReadOnlyList<StoredOutboxEntry>> ReadAsync(string streamNamespace, string streamKey, int limit, CancellationToken cancellationToken)
    {
        var entries = await inner.ReadAsync(streamNamespace, streamKey, limit, cancellationToken);
        if (entries.Count == 0)
        {
            Interlocked.Increment(ref _emptyReads);
        }

        return entries;
    }

    public Task AcknowledgeAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken) =>
        inner.AcknowledgeAsync(sequences, cancellationToken);

    public Task<IReadOnlyList<OutboxStream>> WaitingStreamsAsync(TimeSpan age, int limit, CancellationToken cancellationToken) =>
        inner.WaitingStreamsAsync(age, limit, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
}
