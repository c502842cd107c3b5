using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>The group sync and the nightly reconciliation of each installed tenant (configuration section "GenesysCloud:Sync").</summary>
public sealed class GenesysSyncOptions : IValidatableObject
{
    public const string SectionName = "GenesysCloud:Sync";

    /// <summary>How often the group is read again: Genesys has no event for membership changes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00", ErrorMessage = "GenesysCloud:Sync:GroupSyncPeriod must be positive (at most 7 days).")]
    public TimeSpan GroupSyncPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The UTC time of day of the nightly reconciliation.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59.9999999", ErrorMessage = "GenesysCloud:Sync:ReconcileAtUtc must be a time of day (00:00:00 to 23:59:59).")]
    public TimeSpan ReconcileAtUtc { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How far back a reconciliation looks for calls at least: the calls that ENDED in this window (plus the overlap);
    /// further back, up to <see cref="ReconcileCatchUpLimit"/>, when the last complete run is older.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "31.00:00:00", ErrorMessage = "GenesysCloud:Sync:ReconcileWindow must be positive (at most 31 days).")]
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How much further back than <see cref="ReconcileWindow"/> each run looks, so that consecutive windows overlap
    /// (a run that starts late, or a call whose analytics arrive a little after its end, is still covered).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "GenesysCloud:Sync:ReconcileOverlap must be between 0 and 7 days.")]
    public TimeSpan ReconcileOverlap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far back, by call END time, a run catches up the days since the last complete run (the cluster down, runs
    /// that left calls failed): an outage longer than this loses the calls that ended before it. At least
    /// <see cref="ReconcileWindow"/> plus <see cref="ReconcileOverlap"/>, so the cap never cuts a daily run's window.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "60.00:00:00", ErrorMessage = "GenesysCloud:Sync:ReconcileCatchUpLimit must be positive (at most 60 days).")]
    public TimeSpan ReconcileCatchUpLimit { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The longest call the reconciliation finds. Genesys' details query selects by start time (whole UTC days), so
    /// to find the calls that ended in the window it asks for those that started up to this much earlier; a missed
    /// call that lasted longer is not found.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "GenesysCloud:Sync:ReconcileMaxCallDuration must be between 1 second and 7 days.")]
    public TimeSpan ReconcileMaxCallDuration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Calls the reconciliation imports at the same time (the client's per-org limits apply on top).</summary>
    [Range(1, 256, ErrorMessage = "GenesysCloud:Sync:ImportConcurrency must be between 1 and 256.")]
    public int ImportConcurrency { get; set; } = 4;

    /// <summary>Agents per POST Departments-Agents, so a large group is not one huge body.</summary>
    [Range(1, 10000, ErrorMessage = "GenesysCloud:Sync:AgentsPerCaRequest must be between 1 and 10000.")]
    public int AgentsPerCaRequest { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReconcileCatchUpLimit < ReconcileWindow + ReconcileOverlap)
        {
            yield return new ValidationResult(
                "GenesysCloud:Sync:ReconcileCatchUpLimit must be at least ReconcileWindow plus ReconcileOverlap.", [nameof(ReconcileCatchUpLimit)]);
        }
    }
}
