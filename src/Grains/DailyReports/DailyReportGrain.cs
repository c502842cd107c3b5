using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Activation;
using KnovvuOrleans.Grains.Telemetry;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// One tenant's report of one day, chunk by chunk. A chunk made stale by a late conversation is built again by a
/// reminder <see cref="DailyReportOptions.LateRebuildDelay"/> later, as background work, so the bucket catches up
/// without anyone reading the hour through the API; the reminder stays until no chunk is stale.
/// </summary>
[GrainType("daily-report")]
public sealed class DailyReportGrain(
    [PersistentState("daily-report")] IPersistentState<DailyReportState> state,
    DailyReportBuilder builder,
    IOptions<DailyReportOptions> options,
    IOptions<ReminderOptions> reminders,
    TimeProvider time,
    KnovvuMetrics metrics,
    ILogger<DailyReportGrain> logger) : BackgroundWorkGrain, IDailyReportGrain, IRemindable
{
    private const string LateRebuildReminder = "late-rebuild";

    private bool _lateRebuildScheduled;
    // Written by the background rebuild when it ends.
    private volatile bool _rebuilding;

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
        if (state.State.Chunks[hour].State == ChunkState.Stale && !_lateRebuildScheduled)
        {
            var delay = reminders.Value.AtLeastMinimum(options.Value.LateRebuildDelay);
            await this.RegisterOrUpdateReminder(LateRebuildReminder, delay, delay);
            _lateRebuildScheduled = true;
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != LateRebuildReminder || _rebuilding)
        {
            return;
        }

        var stale = state.State.Chunks.Values.Where(c => c.State == ChunkState.Stale).ToList();
        if (stale.Count == 0 || !await ReportsStillKeptAsync())
        {
            if (await this.GetReminder(LateRebuildReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _lateRebuildScheduled = false;
            return;
        }

        _rebuilding = true;
        // Made in the turn: background work has no activation context to make grain references in.
        var (tenant, day, self, maxAttempts) = (Tenant, Day, GrainFactory.GetGrain<IDailyReportGrain>(this.GetPrimaryKeyString()), options.Value.MaxAttempts);
        StartBackgroundWork(async cancellationToken =>
        {
            try
            {
                foreach (var chunk in stale)
                {
                    var attempt = await builder.AttemptAsync(tenant, day, chunk.Hour, chunk.LateArrivals, logger, cancellationToken);
                    await self.RecordAttempt(attempt, maxAttempts);
                }
            }
            finally
            {
                _rebuilding = false;
            }
        });
    }

    /// <summary>Reports are on for the tenant and the day is within their retention: otherwise nothing is built again.</summary>
    private async Task<bool> ReportsStillKeptAsync()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return await GrainFactory.GetGrain<ITenantGrain>(Tenant).GetFeatures() is { DailyReports: { Enabled: true } settings }
            && Day >= DailyReportRetention.Cutoff(today, settings.RetentionMonths);
    }

    private string Tenant => TenantKey.TenantOf(this.GetPrimaryKeyString());

    private DateOnly Day => DateOnly.ParseExact(TenantKey.RestOf(this.GetPrimaryKeyString()), DailyReportChunkName.DayFormat);
}
