using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Streaming;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// The Data Feeder events of every conversation, kept beside the conversation log: its Created event (with the
/// metadata it carried) and every analysis and category result received, each under the event id it went out with.
/// A replay rebuilds its messages from here; the held-results status counts from here.
/// </summary>
public interface IKeptEventStore
{
    /// <summary>Keeps an event; a second keep of the same event id changes nothing.</summary>
    Task KeepAsync(StreamEvent<ConversationEvent> raised, bool held, CancellationToken cancellationToken);

    /// <summary>The conversation's Created event as it was raised, or null when none was kept.</summary>
    Task<StreamEvent<ConversationEvent>?> ReadCreatedAsync(string tenantId, string externalId, CancellationToken cancellationToken);

    /// <summary>Marks held results as expired: they are never published, nor replayed.</summary>
    Task MarkExpiredAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken);

    /// <summary>
    /// Marks as expired the held results raised before <paramref name="cutoff"/> whose conversation is still not
    /// recorded; returns how many.
    /// </summary>
    Task<int> ExpireUnrecordedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Results of the tenant held for a conversation not recorded yet, and results that expired so.</summary>
    Task<HeldResultCounts> CountHeldAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>How many published conversations started in the range, and how many kept events of the types they have.</summary>
    Task<ReplayTotals> CountRangeAsync(ReplayRange range, CancellationToken cancellationToken);

    /// <summary>
    /// The next published conversations that started in the range after <paramref name="after"/>, by start time then
    /// external id, each with its kept events of the range's types: Created first, then the results as received
    /// (expired ones left out).
    /// </summary>
    Task<IReadOnlyList<KeptConversation>> ReadRangeAsync(
        ReplayRange range, ReplayCursor? after, int limit, CancellationToken cancellationToken);
}

/// <summary>A tenant's conversations that started in [<paramref name="From"/>, <paramref name="To"/>), events of the given types.</summary>
public sealed record ReplayRange(string TenantId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> EventTypes);

public sealed record HeldResultCounts(long Held, long Expired);

public sealed record ReplayTotals(long Conversations, long Events);

public sealed record KeptConversation(string ExternalId, DateTimeOffset StartTime, IReadOnlyList<StreamEvent<ConversationEvent>> Events)
{
    public ReplayCursor Cursor => new(StartTime, ExternalId);
}
