namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// Every conversation of every tenant, once: what the CA job sends from and what the daily reports read, by
/// tenant and UTC hour of the start time.
/// </summary>
public interface IConversationLog
{
    /// <summary>Adds the conversation unless it is there; returns its number either way.</summary>
    Task<long> AppendAsync(ConversationRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Published conversations of the projects, neither acknowledged by CA nor parked, oldest first, leaving out
    /// <paramref name="excluding"/> (those a run already holds).
    /// </summary>
    Task<IReadOnlyList<ConversationRecord>> ReadUnsentToCaAsync(
        string tenantId, IReadOnlyCollection<string> projectIds, IReadOnlyCollection<string> excluding, int limit,
        CancellationToken cancellationToken);

    /// <summary>Published conversations of the projects waiting for CA: neither acknowledged nor parked.</summary>
    Task<int> CountUnsentToCaAsync(string tenantId, IReadOnlyCollection<string> projectIds, CancellationToken cancellationToken);

    Task MarkSentToCaAsync(string tenantId, string externalId, CancellationToken cancellationToken);

    /// <summary>CA refused the conversation for good: it is not offered again until un-parked.</summary>
    Task ParkForCaAsync(string tenantId, string externalId, string reason, CancellationToken cancellationToken);

    /// <summary>Offers parked conversations again (all of the tenant's when <paramref name="externalIds"/> is null); returns how many.</summary>
    Task<int> UnparkForCaAsync(string tenantId, IReadOnlyCollection<string>? externalIds, CancellationToken cancellationToken);

    /// <summary>The tenant's parked conversations, oldest parked first, and how many there are in all.</summary>
    Task<(IReadOnlyList<ParkedConversation> First, int Total)> ReadParkedForCaAsync(string tenantId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> of the tenant's conversations that started before
    /// <paramref name="cutoffUtc"/>, with their kept Data Feeder events, except published ones CA has not acknowledged
    /// (waiting or parked: the VA → CA job still needs them); returns how many. Called until it returns less than the limit.
    /// </summary>
    Task<int> PurgeBeforeAsync(string tenantId, DateTimeOffset cutoffUtc, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The documents of the published conversations that started in the hour, by start time, streamed. Only the
    /// documents: a report needs nothing else, and reading and decoding the other columns is work for nothing.
    /// </summary>
    IAsyncEnumerable<string> ReadHourDocumentsAsync(string tenantId, DateTime hourStartUtc, CancellationToken cancellationToken);
}

/// <summary>A conversation CA refused for good, with CA's reason.</summary>
public sealed record ParkedConversation(string ExternalId, string? ProjectId, string Reason, DateTimeOffset ParkedAt);

/// <summary>
/// A conversation as the log keeps it; <see cref="Document"/> is its JSON (a VA session's for VA ones, the details and
/// stored recordings for Genesys calls); <see cref="TraceParent"/> the W3C trace context it was recorded in, so that
/// sending it to CA later joins that trace.
/// </summary>
public sealed record ConversationRecord(
    string TenantId,
    string ExternalId,
    string Source,
    string Status,
    string? ProjectId,
    string? ChannelId,
    bool IsCall,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string Document,
    string? TraceParent = null)
{
    public const string VirtualAgentSource = "va";

    /// <summary>Calls imported from Genesys Cloud; their document is the call's details and stored recordings.</summary>
    public const string GenesysSource = "genesys";

    public const string PublishedStatus = "published";
}
