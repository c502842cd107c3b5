using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;

/// <summary>A tenant's replay jobs (key: the tenant id). One runs at a time, so the per-tenant rate limit is the job's.</summary>
[Alias("knovvu.IDataFeederReplaysGrain")]
public interface IDataFeederReplaysGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a job; null when one of the tenant's jobs is still running. A request that breaks
    /// <see cref="ReplayRequest.Validate"/> throws <see cref="Validation.InvalidSettingsException"/> and starts nothing.
    /// </summary>
    [Alias("Create")]
    Task<ReplayJob?> Create(ReplayRequest request);

    /// <summary>The tenant's jobs, newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<ReplayJob>> List();
}
