using System.Runtime.CompilerServices;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>The conversation log in memory, for the demo and fast tests.</summary>
public sealed class InMemoryConversationLog : IConversationLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, string), Entry> _entries = [];
    private long _nextNumber;

    public Task<long> AppendAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue((record.TenantId, record.ExternalId), out var entry))
            {
                _entries[(record.TenantId, record.ExternalId)] = entry = new Entry(record, ++_nextNumber);
            }

            return Task.FromResult(entry.Number);
        }
    }

    public Task<IReadOnlyList<ConversationRecord>> ReadUnsentToCaAsync(
        string tenantId, IReadOnlyCollection<string> projectIds, IReadOnlyCollection<string> excluding, int limit,
        CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ConversationRecord> unsent = Unsent(tenantId, projectIds).Where(e => !excluding.Contains(e.Record.ExternalId))
                .OrderBy(e => e.Number).Take(limit).Select(e => e.Record).ToList();
            return Task.FromResult(unsent);
        }
    }

    public Task<int> CountUnsentToCaAsync(string tenantId, IReadOnlyCollection<string> projectIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Unsent(tenantId, projectIds).Count());
        }
    }

    public Task MarkSentToCaAsync(string tenantId, string externalId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue((tenantId, externalId), out var entry))
            {
                entry.SentToCa = true;
            }

            return Task.CompletedTask;
        }
    }

    public Task ParkForCaAsync(string tenantId, string externalId, string reason, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue((tenantId, externalId), out var entry) && !entry.SentToCa)
            {
                entry.Parked = new ParkedConversation(externalId, entry.Record.ProjectId, reason, DateTimeOffset.UtcNow);
            }

            return Task.CompletedTask;
        }
    }

    public Task<int> UnparkForCaAsync(string tenantId, IReadOnlyCollection<string>? externalIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var parked = _entries.Values.Where(e => e.Record.TenantId == tenantId && e.Parked is not null
                                                    && (externalIds is null || externalIds.Contains(e.Record.ExternalId))).ToList();
            parked.ForEach(e => e.Parked = null);
            return Task.FromResult(parked.Count);
        }
    }

    public Task<(IReadOnlyList<ParkedConversation> First, int Total)> ReadParkedForCaAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var parked = _entries.Values.Where(e => e.Record.TenantId == tenantId && e.Parked is not null)
                .Select(e => e.Parked!).OrderBy(p => p.ParkedAt).ToList();
            return Task.FromResult<(IReadOnlyList<ParkedConversation>, int)>((parked.Take(limit).ToList(), parked.Count));
        }
    }

    public Task<int> PurgeBeforeAsync(string tenantId, DateTimeOffset cutoffUtc, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Kept events in memory stay (the demo's memory is short-lived); replay finds conversations here, so skips purged ones.
            var doomed = _entries.Where(e => e.Key.Item1 == tenantId && e.Value.Record.StartTime < cutoffUtc
                                             && !(e.Value.Record.Status == ConversationRecord.PublishedStatus && !e.Value.SentToCa))
                .Take(limit).Select(e => e.Key).ToList();
            doomed.ForEach(key => _entries.Remove(key));
            return Task.FromResult(doomed.Count);
        }
    }

    public async IAsyncEnumerable<string> ReadHourDocumentsAsync(
        string tenantId, DateTime hourStartUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<ConversationRecord> hour;
        lock (_lock)
        {
            var start = new DateTimeOffset(DateTime.SpecifyKind(hourStartUtc, DateTimeKind.Utc));
            hour = _entries.Values.Select(e => e.Record)
                .Where(r => r.TenantId == tenantId && r.Status == ConversationRecord.PublishedStatus
                            && r.StartTime >= start && r.StartTime < start.AddHours(1))
                .OrderBy(r => r.StartTime).ThenBy(r => r.ExternalId, StringComparer.Ordinal)
                .ToList();
        }

        foreach (var record in hour)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record.Document;
        }

        await Task.CompletedTask;
    }

    /// <summary>Whether the conversation is in the log (for the kept events in memory).</summary>
    internal bool Contains(string tenantId, string externalId)
    {
        lock (_lock)
        {
            return _entries.ContainsKey((tenantId, externalId));
        }
    }

    /// <summary>The tenant's published conversations (for the kept events in memory).</summary>
    internal IReadOnlyList<ConversationRecord> PublishedOf(string tenantId)
    {
        lock (_lock)
        {
            return _entries.Values.Select(e => e.Record)
                .Where(r => r.TenantId == tenantId && r.Status == ConversationRecord.PublishedStatus)
                .ToList();
        }
    }

    private IEnumerable<Entry> Unsent(string tenantId, IReadOnlyCollection<string> projectIds) =>
        _entries.Values.Where(e => !e.SentToCa && e.Parked is null && e.Record.TenantId == tenantId
                                   && e.Record.Status == ConversationRecord.PublishedStatus
                                   && e.Record.ProjectId is not null && projectIds.Contains(e.Record.ProjectId));

    private sealed class Entry(ConversationRecord record, long number)
    {
        public ConversationRecord Record { get; } = record;

        public long Number { get; } = number;

        public bool SentToCa { get; set; }

        public ParkedConversation? Parked { get; set; }
    }
}
