namespace KnovvuOrleans.Runtime.Storage;

/// <summary>
/// What the runtime keeps durably: grain state, reminders and the stream outbox. Both providers (PostgreSQL and
/// in-memory) pass the same contract tests.
/// </summary>
public interface IRuntimeStore
{
    /// <summary>Creates or migrates what the store needs; safe to call from several silos at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<StoredState?> ReadStateAsync(GrainId grain, string stateName, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically applies an optional state write and appends events to the outbox. Returns the new ETag of the
    /// state (null when there was no state write). Throws <see cref="InconsistentStateException"/> when the
    /// write's expected ETag is stale, or <see cref="OwnershipLostException"/> when a fence is given and its silo
    /// no longer owns the partition at that epoch; either way nothing is applied.
    /// </summary>
    Task<string?> CommitAsync(
        StateWrite? write, IReadOnlyList<OutboxEvent> events, OwnershipFence? fence, CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadReminderAsync(GrainId grain, string name, CancellationToken cancellationToken);

    /// <summary>Registers or replaces a reminder; returns it with its new version.</summary>
    Task<ReminderEntry> UpsertReminderAsync(ReminderEntry reminder, OwnershipFence? fence, CancellationToken cancellationToken);

    Task DeleteReminderAsync(GrainId grain, string name, OwnershipFence? fence, CancellationToken cancellationToken);

    /// <summary>Reminders due at <paramref name="now"/> in the given partitions (all when null), earliest first.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadDueRemindersAsync(
        IReadOnlyCollection<int>? partitions, DateTime now, int limit, CancellationToken cancellationToken);

    /// <summary>Moves a fired reminder to its next due time unless it was re-registered meanwhile.</summary>
    Task AdvanceReminderAsync(ReminderEntry reminder, DateTime nextDue, OwnershipFence? fence, CancellationToken cancellationToken);

    /// <summary>
    /// The oldest undelivered events of the given partitions (all when null), in commit order, leaving out the
    /// excluded streams and the streams whose retry time has not come.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadPendingEventsAsync(
        IReadOnlyCollection<int>? partitions, IReadOnlyCollection<string> excludedStreams, DateTime now, int limit,
        CancellationToken cancellationToken);

    /// <summary>Removes the delivered events of a stream up to a sequence number and clears its retry state.</summary>
    Task AcknowledgeAsync(string stream, long upToSequence, CancellationToken cancellationToken);

    /// <summary>Holds a stream back until <paramref name="retryAt"/> after a failed delivery.</summary>
    Task DeferStreamAsync(string stream, DateTime retryAt, string error, CancellationToken cancellationToken);
}

/// <summary>A stored state record; <see cref="Json"/> is null for a cleared state that keeps its version.</summary>
public sealed record StoredState(string? Json, string Etag);

/// <summary>A state write; a null <see cref="Json"/> clears the state.</summary>
public sealed record StateWrite(GrainId Grain, string StateName, int Partition, string? Json, string? ExpectedEtag);

/// <summary>An event to append to a stream's outbox.</summary>
public sealed record OutboxEvent(string Stream, int Partition, Guid EventId, string Payload);

/// <summary>An event in the outbox.</summary>
public sealed record StoredEvent(string Stream, long Sequence, Guid EventId, string Payload, DateTime PublishedUtc);

/// <summary>A reminder row. <see cref="Version"/> changes whenever it is registered again.</summary>
public sealed record ReminderEntry(
    GrainId Grain, string Name, int Partition, DateTime FirstDue, TimeSpan Period, DateTime NextDue, long Version);
