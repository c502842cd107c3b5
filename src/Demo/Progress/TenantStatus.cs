namespace KnovvuOrleans.Demo.Progress;

/// <summary>
/// One line of the status page. <see cref="GenesysCallsImported"/> is null while no Genesys call has ended.
/// </summary>
public sealed record TenantStatus(
    string Tenant,
    long ConversationsIn,
    long SentToCa,
    long EventsOut,
    int ReportsBuilt,
    long Errors,
    int GenesysCallsEnded,
    int? GenesysCallsImported);
