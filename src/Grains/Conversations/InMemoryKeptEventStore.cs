using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Streaming;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>Kept events in memory, beside the in-memory conversation log, for the demo and fast tests.</summary>
public sealed class InMemoryKeptEventStore(InMemoryConversationLog log, TimeProvider time) : IKeptEventStore
{
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];
    private readonly HashSet<Guid> _ids = [];

    public Task KeepAsync(StreamEvent<ConversationEvent> raised, bool held, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_ids.Add(raised.EventId))
            {
                _entries.Add(new Entry(raised, held));
            }
        }

        return Task.CompletedTask;
    }

    public Task<StreamEvent<ConversationEvent>?> ReadCreatedAsync(string tenantId, string externalId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_entries.FirstOrDefault(e => e.Event.Item.TenantId == tenantId && e.Event.Item.ExternalId == externalId
                                                                && e.Event.Item.EventType == DataFeederEventTypes.ConversationCreated)?.Event);
        }
    }

    public Task MarkExpiredAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var entry in _entries.Where(e => e.ExpiredAt is null && eventIds.Contains(e.Event.EventId)))
            {
                entry.ExpiredAt = time.GetUtcNow();
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> ExpireUnrecordedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var expiring = _entries.Where(e => e.Held && e.ExpiredAt is null && e.Event.PublishedAt < cutoff
                                               && !log.Contains(e.Event.Item.TenantId, e.Event.Item.ExternalId)).ToList();
            foreach (var entry in expiring)
            {
                entry.ExpiredAt = time.GetUtcNow();
            }

            return Task.FromResult(expiring.Count);
        }
    }

    public Task<HeldResultCounts> CountHeldAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var held = _entries.Where(e => e.Held && e.Event.Item.TenantId == tenantId).ToList();
            return Task.FromResult(new HeldResultCounts(
                held.LongCount(e => e.ExpiredAt is null && !log.Contains(tenantId, e.Event.Item.ExternalId)),
                held.LongCount(e => e.ExpiredAt is not null)));
        }
    }

    public Task<ReplayTotals> CountRangeAsync(ReplayRange range, CancellationToken cancellationToken)
    {
        var conversations = InRange(range, null).ToList();
        lock (_lock)
        {
            return Task.FromResult(new ReplayTotals(conversations.Count, conversations.Sum(c => EventsOf(range, c.ExternalId).Count)));
        }
    }

    public Task<IReadOnlyList<KeptConversation>> ReadRangeAsync(
        ReplayRange range, ReplayCursor? after, int limit, CancellationToken cancellationToken)
    {
        var page = InRange(range, after).Take(limit).ToList();
        lock (_lock)
        {
            IReadOnlyList<KeptConversation> kept = page.Select(c => new KeptConversation(c.ExternalId, c.StartTime, EventsOf(range, c.ExternalId))).ToList();
            return Task.FromResult(kept);
        }
    }

    private IEnumerable<ConversationRecord> InRange(ReplayRange range, ReplayCursor? after) =>
        log.PublishedOf(range.TenantId)
            .Where(r => r.StartTime >= range.From && r.StartTime < range.To)
            .Where(r => after is null || r.StartTime > after.StartTime
                        || (r.StartTime == after.StartTime && string.CompareOrdinal(r.ExternalId, after.ExternalId) > 0))
            .OrderBy(r => r.StartTime).ThenBy(r => r.ExternalId, StringComparer.Ordinal);

    private List<StreamEvent<ConversationEvent>> EventsOf(ReplayRange range, string externalId) =>
        _entries.Where(e => e.Event.Item.TenantId == range.TenantId && e.Event.Item.ExternalId == externalId
                            && e.ExpiredAt is null && range.EventTypes.Contains(e.Event.Item.EventType))
            .OrderBy(e => e.Event.Item.EventType != DataFeederEventTypes.ConversationCreated)
            .Select(e => e.Event)
            .ToList();

    private sealed class Entry(StreamEvent<ConversationEvent> raised, bool held)
    {
        public StreamEvent<ConversationEvent> Event { get; } = raised;

        public bool Held { get; } = held;

        public DateTimeOffset? ExpiredAt { get; set; }
    }
}
