using KnovvuOrleans.Grains.Abstractions.DailyReports;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// The nightly reminder at <see cref="DailyReportOptions.RunAtUtc"/>. Each tick starts yesterday's run, which covers
/// every tenant at once: reports for the enabled ones, retention for all.
/// </summary>
[GrainType("daily-report-schedule")]
public sealed class DailyReportScheduleGrain(IOptions<DailyReportOptions> options, TimeProvider time) : Grain, IDailyReportScheduleGrain, IRemindable
{
    private const string ReminderName = "daily-reports-nightly";

    // Registered again at every silo start, so a changed RunAtUtc takes effect with the next start.
    public Task Start() => this.RegisterOrUpdateReminder(ReminderName, UntilNextRun(), TimeSpan.FromDays(1));

    public async Task<bool> IsScheduled() => await this.GetReminder(ReminderName) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var yesterday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        return GrainFactory.GetGrain<IDailyReportRunGrain>(DailyReportChunkName.FormatDay(yesterday)).Start();
    }

    private TimeSpan UntilNextRun()
    {
        var now = time.GetUtcNow();
        var next = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + options.Value.RunAtUtc;
        return next > now ? next - now : next.AddDays(1) - now;
    }
}
