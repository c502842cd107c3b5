namespace KnovvuOrleans.Grains.Abstractions.Conversations;

/// <summary>
/// A conversation's lifecycle event on the Data Feeder stream of its tenant. The stream keeps the events of one
/// conversation in order; the Data Feeder connector turns them into the messages of seed 002.
/// </summary>
public sealed record ConversationEvent(
    string EventType, string TenantId, string ExternalId, DateTimeOffset RaisedAt, ConversationSummary? Conversation);

/// <summary>What ConversationCreatedForDataFeeder carries about a new conversation.</summary>
public sealed record ConversationSummary(
    long ConversationNumber,
    string AgentExternalId,
    string DepartmentExternalId,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    int DurationSeconds,
    string? LanguageCode,
    int? RatingForCsat,
    int? RatingForNps,
    string Direction,
    int? ReleasingPartyId,
    IReadOnlyList<KeyValuePair<string, string>> AttachedData);

/// <summary>The Data Feeder stream: one per tenant shard, so a tenant's backlog or failing topic holds up only itself.</summary>
public static class DataFeederStream
{
    public const string Namespace = "datafeeder";

    public const int ShardsPerTenant = 4;

    /// <summary>The stream key of a conversation: all of its events share one, which keeps them in order.</summary>
    public static string KeyFor(string tenantId, string externalId) =>
        $"{tenantId}/{(uint)StableHash(externalId) % ShardsPerTenant}";

    private static int StableHash(string value)
    {
        var hash = 17;
        foreach (var c in value)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
