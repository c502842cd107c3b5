using KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.DataFeeder.Replay;

/// <summary>A tenant's replay jobs: creates them one at a time and lists the latest ones.</summary>
[GrainType("datafeeder-replays")]
public sealed class DataFeederReplaysGrain([PersistentState("replays")] IPersistentState<DataFeederReplaysState> replays)
    : Grain, IDataFeederReplaysGrain
{
    /// <summary>Jobs listed per tenant; older ones keep their own state but drop out of the list.</summary>
    public const int JobsKept = 100;

    public async Task<ReplayJob?> Create(ReplayRequest request)
    {
        request.Validate().ThrowIfAny();
        if ((await List()).Any(j => j.State == ReplayStates.Running))
        {
            return null;
        }

        var jobId = Guid.CreateVersion7().ToString("N");
        replays.State = replays.State with { JobIds = [jobId, .. replays.State.JobIds.Take(JobsKept - 1)] };
        await replays.WriteStateAsync();
        return await Job(jobId).Start(request);
    }

    public async Task<IReadOnlyList<ReplayJob>> List()
    {
        // A job listed but never started (its start failed) has no status and is left out.
        var jobs = await Task.WhenAll(replays.State.JobIds.Select(id => Job(id).GetStatus()));
        return jobs.OfType<ReplayJob>().ToList();
    }

    private IDataFeederReplayGrain Job(string jobId) =>
        GrainFactory.GetGrain<IDataFeederReplayGrain>(ReplayKey.For(this.GetPrimaryKeyString(), jobId));
}
