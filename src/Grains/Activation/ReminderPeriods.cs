using Orleans.Configuration;

namespace KnovvuOrleans.Grains.Activation;

/// <summary>
/// Reminder periods taken from our own settings: Orleans refuses a period below its minimum, and a registration that
/// throws would fail the call that made it (an ingest, an import), so a setting below it is raised to it.
/// </summary>
public static class ReminderPeriods
{
    public static TimeSpan AtLeastMinimum(this ReminderOptions options, TimeSpan period) =>
        TimeSpan.FromTicks(Math.Max(period.Ticks, options.MinimumReminderPeriod.Ticks));
}
