using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>A tenant's nightly reminder (key: tenant id), registered only while its daily reports are enabled.</summary>
public interface IDailyReportScheduleGrain : IGrainWithStringKey
{
    /// <summary>Registers or removes the reminder to match the tenant's setting.</summary>
    Task Sync(bool enabled);

    /// <summary>Whether the reminder is registered.</summary>
    Task<bool> IsScheduled();
}
