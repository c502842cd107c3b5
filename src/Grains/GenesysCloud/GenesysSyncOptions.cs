namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>The group sync and the nightly reconciliation of each installed tenant (configuration section "GenesysCloud:Sync").</summary>
public sealed class GenesysSyncOptions
{
    public const string SectionName = "GenesysCloud:Sync";

    /// <summary>How often the group is read again: Genesys has no event for membership changes.</summary>
    public TimeSpan GroupSyncPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The UTC time of day of the nightly reconciliation.</summary>
    public TimeSpan ReconcileAtUtc { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How far back the reconciliation looks for calls (conversations that started in this window).</summary>
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How much further back than <see cref="ReconcileWindow"/> each run looks, so that windows overlap: a call still
    /// going at one run, which that run leaves alone, is found by the next as long as it lasted less than this.
    /// </summary>
    public TimeSpan ReconcileOverlap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Calls the reconciliation imports at the same time (the client's per-org limits apply on top).</summary>
    public int ImportConcurrency { get; set; } = 4;

    /// <summary>Agents per POST Departments-Agents, so a large group is not one huge body.</summary>
    public int AgentsPerCaRequest { get; set; } = 500;
}
