using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// A tenant's nightly reminder at <see cref="DailyReportOptions.RunAtUtc"/>. Each tick starts yesterday's run, which
/// covers every enabled tenant at once (so failed chunks are retried after all tenants); the first tick of the night
/// starts it and the others find it started.
/// </summary>
[GrainType("daily-report-schedule")]
public sealed class DailyReportScheduleGrain(IOptions<DailyReportOptions> options, TimeProvider time) : Grain, IDailyReportScheduleGrain, IRemindable
{
    private const string ReminderName = "daily-reports-nightly";

    public async Task Sync(bool enabled)
    {
        var reminder = await this.GetReminder(ReminderName);
        if (enabled && reminder is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, UntilNextRun(), TimeSpan.FromDays(1));
        }
        else if (!enabled && reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<bool> IsScheduled() => await this.GetReminder(ReminderName) is not null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await GrainFactory.GetGrain<ITenantGrain>(this.GetPrimaryKeyString()).GetFeatures() is not { DailyReports.Enabled: true })
        {
            await Sync(false);
            return;
        }

        var yesterday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        await GrainFactory.GetGrain<IDailyReportRunGrain>(DailyReportChunkName.FormatDay(yesterday)).Start();
    }

    private TimeSpan UntilNextRun()
    {
        var now = time.GetUtcNow();
        var next = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + options.Value.RunAtUtc;
        return next > now ? next - now : next.AddDays(1) - now;
    }
}
