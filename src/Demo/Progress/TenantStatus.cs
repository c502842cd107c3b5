namespace KnovvuOrleans.Demo.Progress;

/// <summary>
/// One tenant's line of the operator page. <see cref="GenesysCallsImported"/> is null while no Genesys call has ended;
/// <see cref="EventLagSeconds"/> while no event was read.
/// </summary>
public sealed record TenantStatus(
    string Tenant,
    long ConversationsIn,
    long SentToCa,
    long EventsOut,
    int ReportsBuilt,
    long Errors,
    int GenesysCallsEnded,
    int? GenesysCallsImported)
{
    /// <summary>Requests of the tenant's CA client that the CA simulator refused or failed (4xx, 5xx, no answer).</summary>
    public long CaFailures { get; init; }

    /// <summary>Sessions recorded but not yet in CA: they wait for the next run of the CA job (or its hourly cap).</summary>
    public long CaBacklog { get; init; }

    public double? EventLagSeconds { get; init; }

    /// <summary>Genesys calls ended but not imported yet.</summary>
    public int GenesysBacklog { get; init; }

    public string? LastError { get; init; }
}
