namespace KnovvuOrleans.Runtime.Storage.InMemory;

/// <summary>
/// The in-memory provider, for the single-process demo and fast tests. One lock guards everything, which is what
/// makes a commit atomic; the instance outlives silo restarts when a test hands the same one to the next silo.
/// </summary>
public sealed partial class InMemoryRuntimeStore : IRuntimeStore, IClusterStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), (string? Json, long Version)> _states = [];
    private readonly Dictionary<(GrainId, string), ReminderEntry> _reminders = [];
    private readonly Dictionary<string, StreamHead> _heads = [];
    private readonly SortedDictionary<long, (int Partition, StoredEvent Event)> _outbox = [];
    private long _nextEventId;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StoredState?> ReadStateAsync(GrainId grain, string stateName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_states.TryGetValue((grain, stateName), out var s)
                ? new StoredState(s.Json, s.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : null);
        }
    }

    public Task<string?> CommitAsync(
        StateWrite? write, IReadOnlyList<OutboxEvent> events, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            CheckFence(fence);
            string? etag = null;
            if (write is not null)
            {
                var key = (write.Grain, write.StateName);
                var exists = _states.TryGetValue(key, out var current);
                var currentEtag = exists ? current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                if (currentEtag != write.ExpectedEtag)
                {
                    throw StaleEtag(write, currentEtag);
                }

                var version = exists ? current.Version + 1 : 1;
                _states[key] = (write.Json, version);
                etag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var now = DateTime.UtcNow;
            foreach (var e in events)
            {
                if (!_heads.TryGetValue(e.Stream, out var head))
                {
                    _heads[e.Stream] = head = new StreamHead();
                }

                head.LastSequence++;
                var id = ++_nextEventId;
                _outbox[id] = (e.Partition, new StoredEvent(e.Stream, head.LastSequence, e.EventId, e.Payload, now));
            }

            return Task.FromResult(etag);
        }
    }

    internal static InconsistentStateException StaleEtag(StateWrite write, string? currentEtag) =>
        new($"State '{write.StateName}' of {write.Grain} was written by someone else " +
            $"(expected ETag '{write.ExpectedEtag ?? "none"}', stored '{currentEtag ?? "none"}').");

    public Task<ReminderEntry?> ReadReminderAsync(GrainId grain, string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_reminders.GetValueOrDefault((grain, name)));
        }
    }

    public Task<ReminderEntry> UpsertReminderAsync(ReminderEntry reminder, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            CheckFence(fence);
            var key = (reminder.Grain, reminder.Name);
            var version = _reminders.TryGetValue(key, out var existing) ? existing.Version + 1 : 1;
            var stored = reminder with { Version = version };
            _reminders[key] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task DeleteReminderAsync(GrainId grain, string name, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            CheckFence(fence);
            _reminders.Remove((grain, name));
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadDueRemindersAsync(
        IReadOnlyCollection<int>? partitions, DateTime now, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ReminderEntry> due = _reminders.Values
                .Where(r => r.NextDue <= now && (partitions is null || partitions.Contains(r.Partition)))
                .OrderBy(r => r.NextDue)
                .Take(limit)
                .ToList();
            return Task.FromResult(due);
        }
    }

    public Task AdvanceReminderAsync(ReminderEntry reminder, DateTime nextDue, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            CheckFence(fence);
            var key = (reminder.Grain, reminder.Name);
            if (_reminders.TryGetValue(key, out var current) && current.Version == reminder.Version)
            {
                _reminders[key] = current with { NextDue = nextDue };
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadPendingEventsAsync(
        IReadOnlyCollection<int>? partitions, IReadOnlyCollection<string> excludedStreams, DateTime now, int limit,
        CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<StoredEvent> pending = _outbox.Values
                .Where(x => (partitions is null || partitions.Contains(x.Partition))
                            && !excludedStreams.Contains(x.Event.Stream)
                            && !(_heads[x.Event.Stream].RetryAt > now))
                .Take(limit)
                .Select(x => x.Event)
                .ToList();
            return Task.FromResult(pending);
        }
    }

    public Task AcknowledgeAsync(string stream, long upToSequence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var id in _outbox.Where(x => x.Value.Event.Stream == stream && x.Value.Event.Sequence <= upToSequence)
                         .Select(x => x.Key).ToList())
            {
                _outbox.Remove(id);
            }

            if (_heads.TryGetValue(stream, out var head))
            {
                head.RetryAt = null;
            }

            return Task.CompletedTask;
        }
    }

    public Task DeferStreamAsync(string stream, DateTime retryAt, string error, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _heads[stream].RetryAt = retryAt;
            return Task.CompletedTask;
        }
    }

    private sealed class StreamHead
    {
        public long LastSequence { get; set; }

        public DateTime? RetryAt { get; set; }
    }
}
