using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;

/// <summary>
/// One replay job (key <c>{tenantId}/{jobId}</c>, <see cref="ReplayKey"/>): sends the kept events of a range again,
/// checkpointing after every step, resuming from the checkpoint on another silo when its silo dies.
/// </summary>
[Alias("knovvu.IDataFeederReplayGrain")]
public interface IDataFeederReplayGrain : IGrainWithStringKey
{
    /// <summary>Starts the job; a job started already answers its status and changes nothing.</summary>
    [Alias("Start")]
    Task<ReplayJob> Start(ReplayRequest request);

    /// <summary>Null when no such job was started.</summary>
    [Alias("GetStatus"), AlwaysInterleave]
    Task<ReplayJob?> GetStatus();

    /// <summary>Stops a running job (nothing more is sent); null when no such job was started.</summary>
    [Alias("Cancel")]
    Task<ReplayJob?> Cancel();
}

public static class ReplayKey
{
    public static string For(string tenantId, string jobId) => TenantKey.For(tenantId, jobId);
}
