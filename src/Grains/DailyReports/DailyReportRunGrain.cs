using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// Runs <see cref="NightlyReportRun"/> for its day as background work of the activation, outside turns, so a long
/// night meets no call timeout; the chunk states live in the Daily Report grains, so a run started again after its
/// silo died skips what was stored.
/// </summary>
[GrainType("daily-report-run")]
public sealed class DailyReportRunGrain(
    [PersistentState("daily-report-run")] IPersistentState<DailyReportRunState> state,
    DailyReportBuilder builder,
    DailyReportRetention retention,
    IOptions<DailyReportOptions> options,
    TimeProvider time,
    ILogger<DailyReportRunGrain> logger) : Grain, IDailyReportRunGrain
{
    private volatile NightlyReportRun? _running;

    public Task Start()
    {
        if (_running is not null || state.State.Outcome is not null)
        {
            return Task.CompletedTask;
        }

        var day = DateOnly.ParseExact(GetPrimaryKeyString(), DailyReportChunkName.DayFormat);
        var run = new NightlyReportRun(day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), GrainFactory, builder, retention,
            options.Value, logger);
        _running = run;
        StartBackgroundWork(async cancellationToken =>
        {
            try
            {
                await run.RunAsync(cancellationToken);
                var outcome = run.Status(GetPrimaryKeyString(), completed: true);
                await GrainFactory.GetGrain<IDailyReportRunGrain>(GetPrimaryKeyString()).Complete(outcome);
                logger.LogInformation("Daily reports of {Day}: {Stored} chunks stored for {Tenants} tenants, {GaveUp} given up, {Expired} expired deleted",
                    outcome.Day, outcome.ChunksStored, outcome.Tenants.Count, outcome.GaveUp.Count, outcome.ExpiredDeleted);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Daily report run of {Day} stopped; the next start resumes it", GetPrimaryKeyString());
            }
            finally
            {
                _running = null;
            }
        });
        return Task.CompletedTask;
    }

    public async Task Complete(DailyReportRunStatus outcome)
    {
        state.State = new DailyReportRunState { Outcome = outcome };
        await state.WriteStateAsync();
    }

    public Task<DailyReportRunStatus> GetStatus() => Task.FromResult(
        state.State.Outcome ?? _running?.Status(GetPrimaryKeyString(), completed: false)
        ?? new DailyReportRunStatus(GetPrimaryKeyString(), false, false, [], 0, [], 0));
}
