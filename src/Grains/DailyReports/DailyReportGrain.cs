using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Telemetry;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Grains.DailyReports;

[GrainType("daily-report")]
public sealed class DailyReportGrain(
    [PersistentState("daily-report")] IPersistentState<DailyReportState> state,
    KnovvuMetrics metrics,
    ILogger<DailyReportGrain> logger) : Grain, IDailyReportGrain
{
    public Task<IReadOnlyList<ChunkStatus>> GetChunks() => Task.FromResult<IReadOnlyList<ChunkStatus>>(
        [.. Enumerable.Range(0, 24).Select(hour => state.State.Chunks.GetValueOrDefault(hour) ?? new ChunkStatus(hour, ChunkState.Pending, 0, null, null, null))]);

    public async Task<ChunkStatus> RecordAttempt(ChunkAttempt attempt, int maxAttempts)
    {
        var previous = state.State.Chunks.GetValueOrDefault(attempt.Hour);
        var attempts = (previous?.Attempts ?? 0) + 1;
        var late = previous?.LateArrivals ?? 0;
        // A conversation marked late after the build started may be missing from what was stored.
        var stored = attempt.LateArrivalsSeen >= late ? ChunkState.Stored : ChunkState.Stale;
        var failed = previous?.State == ChunkState.Stale ? ChunkState.Stale
            : attempts >= maxAttempts ? ChunkState.GaveUp : ChunkState.Failed;
        var chunk = attempt.Error is null
            ? new ChunkStatus(attempt.Hour, stored, attempts, attempt.Conversations, attempt.At, null, late)
            : new ChunkStatus(attempt.Hour, failed, attempts, previous?.Conversations, previous?.GeneratedAt, attempt.Error, late);
        state.State.Chunks[attempt.Hour] = chunk;
        await state.WriteStateAsync();
        if (chunk.State == ChunkState.Stored)
        {
            metrics.ReportBuilt(Tenant);
        }

        if (chunk.State == ChunkState.GaveUp)
        {
            logger.LogError("Daily report chunk {Key} failed {Attempts} times and is given up: {Error}",
                DailyReportChunkName.ObjectKey(Tenant, Day, attempt.Hour), attempts, attempt.Error);
        }

        return chunk;
    }

    public async Task MarkLate(int hour)
    {
        var previous = state.State.Chunks.GetValueOrDefault(hour) ?? new ChunkStatus(hour, ChunkState.Pending, 0, null, null, null);
        // A rebuild of a stale chunk gets the run's full attempts again.
        state.State.Chunks[hour] = previous.State is ChunkState.Stored or ChunkState.Stale
            ? previous with { State = ChunkState.Stale, Attempts = 0, LateArrivals = previous.LateArrivals + 1 }
            : previous with { LateArrivals = previous.LateArrivals + 1 };
        await state.WriteStateAsync();
    }

    private string Tenant => TenantKey.TenantOf(this.GetPrimaryKeyString());

    private DateOnly Day => DateOnly.ParseExact(TenantKey.RestOf(this.GetPrimaryKeyString()), DailyReportChunkName.DayFormat);
}
