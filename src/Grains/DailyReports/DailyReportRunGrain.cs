using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Activation;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// Runs <see cref="NightlyReportRun"/> for its day as background work of the activation, outside turns, so a long
/// night meets no call timeout. Until the run completes a reminder starts it again, so a run whose silo died is
/// resumed on another silo; the chunk states live in the Daily Report grains, so it skips what was stored.
/// </summary>
[GrainType("daily-report-run")]
public sealed class DailyReportRunGrain(
    [PersistentState("daily-report-run")] IPersistentState<DailyReportRunState> state,
    DailyReportBuilder builder,
    DailyReportRetention retention,
    IOptions<DailyReportOptions> options,
    TimeProvider time,
    ILogger<DailyReportRunGrain> logger) : BackgroundWorkGrain, IDailyReportRunGrain, IRemindable
{
    private const string ResumeReminder = "resume";

    private volatile NightlyReportRun? _running;

    public Task ReceiveReminder(string reminderName, TickStatus status) => Start();

    public async Task Start()
    {
        if (_running is not null || state.State.Outcome is not null)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.ResumePeriod, options.Value.ResumePeriod);

        var day = DateOnly.ParseExact(this.GetPrimaryKeyString(), DailyReportChunkName.DayFormat);
        var run = new NightlyReportRun(day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), GrainFactory, builder, retention,
            options.Value, logger);
        _running = run;
        // Made in the turn: background work has no activation context to make grain references in.
        var key = this.GetPrimaryKeyString();
        var self = GrainFactory.GetGrain<IDailyReportRunGrain>(key);
        StartBackgroundWork(async cancellationToken =>
        {
            try
            {
                await run.RunAsync(cancellationToken);
                var outcome = run.Status(key, completed: true);
                await self.Complete(outcome);
                logger.LogInformation("Daily reports of {Day}: {Stored} chunks stored for {Tenants} tenants, {GaveUp} given up, {Expired} expired deleted, {Purged} conversations purged",
                    outcome.Day, outcome.ChunksStored, outcome.Tenants.Count, outcome.GaveUp.Count, outcome.ExpiredDeleted, outcome.ConversationsPurged);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Daily report run of {Day} stopped; its resume reminder starts it again", key);
            }
            finally
            {
                _running = null;
            }
        });
    }

    public async Task Complete(DailyReportRunStatus outcome)
    {
        state.State = new DailyReportRunState { Outcome = outcome };
        await state.WriteStateAsync();
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<DailyReportRunStatus> GetStatus() => Task.FromResult(
        state.State.Outcome ?? _running?.Status(this.GetPrimaryKeyString(), completed: false)
        ?? new DailyReportRunStatus(this.GetPrimaryKeyString(), false, false, [], 0, [], 0));
}
