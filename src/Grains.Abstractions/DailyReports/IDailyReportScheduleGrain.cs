using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>A tenant's nightly reminder (key: tenant id), registered only while its daily reports are enabled.</summary>
[Alias("knovvu.IDailyReportScheduleGrain")]
public interface IDailyReportScheduleGrain : IGrainWithStringKey
{
    /// <summary>Registers or removes the reminder to match the tenant's setting.</summary>
    [Alias("Sync")]
    Task Sync(bool enabled);

    /// <summary>Whether the reminder is registered.</summary>
    [Alias("IsScheduled")]
    Task<bool> IsScheduled();
}
