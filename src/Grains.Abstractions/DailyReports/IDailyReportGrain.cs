using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>
/// The state of one tenant's report of one UTC day, chunk by chunk (key: <see cref="DailyReportChunkName.GrainKey"/>).
/// The chunks are built outside its turns (by the nightly run, an on-demand request or its own rebuild of stale
/// chunks), which report here.
/// </summary>
[Alias("knovvu.IDailyReportGrain")]
public interface IDailyReportGrain : IGrainWithStringKey
{
    /// <summary>The 24 chunks, hour 0 first.</summary>
    [Alias("GetChunks")]
    Task<IReadOnlyList<ChunkStatus>> GetChunks();

    /// <summary>Records an attempt; after <paramref name="maxAttempts"/> failures the chunk is given up.</summary>
    [Alias("RecordAttempt")]
    Task<ChunkStatus> RecordAttempt(ChunkAttempt attempt, int maxAttempts);

    /// <summary>
    /// A published conversation of the hour reached the log after its day ended: a stored chunk becomes
    /// <see cref="ChunkState.Stale"/> (and is built again a little later), and a build already under way will not
    /// count as stored.
    /// </summary>
    [Alias("MarkLate")]
    Task MarkLate(int hour);
}
