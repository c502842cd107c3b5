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
        var chunk = attempt.Error is null
            ? new ChunkStatus(attempt.Hour, ChunkState.Stored, attempts, attempt.Conversations, attempt.At, null)
            : new ChunkStatus(attempt.Hour, attempts >= maxAttempts ? ChunkState.GaveUp : ChunkState.Failed, attempts,
                previous?.Conversations, previous?.GeneratedAt, attempt.Error);
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

    private string Tenant => TenantKey.TenantOf(this.GetPrimaryKeyString());

    private DateOnly Day => DateOnly.ParseExact(TenantKey.RestOf(this.GetPrimaryKeyString()), DailyReportChunkName.DayFormat);
}
