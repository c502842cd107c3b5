namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// Every conversation of every tenant, once: what the CA job sends from and what the daily reports read, by
/// tenant and UTC hour of the start time.
/// </summary>
public interface IConversationLog
{
    /// <summary>Adds the conversation unless it is there; returns its number either way.</summary>
    Task<long> AppendAsync(ConversationRecord record, CancellationToken cancellationToken);

    /// <summary>Published conversations of the projects, not yet acknowledged by CA, oldest first.</summary>
    Task<IReadOnlyList<ConversationRecord>> ReadUnsentToCaAsync(
        string tenantId, IReadOnlyCollection<string> projectIds, int limit, CancellationToken cancellationToken);

    Task<int> CountUnsentToCaAsync(string tenantId, IReadOnlyCollection<string> projectIds, CancellationToken cancellationToken);

    Task MarkSentToCaAsync(string tenantId, string externalId, CancellationToken cancellationToken);

    /// <summary>The published conversations that started in the hour, by start time, streamed.</summary>
    IAsyncEnumerable<ConversationRecord> ReadHourAsync(string tenantId, DateTime hourStartUtc, CancellationToken cancellationToken);
}

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
