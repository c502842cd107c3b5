using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>
/// The nightly run for one UTC day (key: the day, yyyy-MM-dd) over every tenant with daily reports enabled: the 24
/// chunks of each, then up to two retry passes for the failed ones, then retention. Any enabled tenant's nightly
/// reminder starts it; it runs once per day.
/// </summary>
[Alias("knovvu.IDailyReportRunGrain")]
public interface IDailyReportRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run unless it runs or has completed; returns at once.</summary>
    [Alias("Start")]
    Task Start();

    [Alias("GetStatus")]
    Task<DailyReportRunStatus> GetStatus();

    /// <summary>Records the outcome of the finished run; called by the run itself, from outside the grain's turns.</summary>
    [Alias("Complete")]
    Task Complete(DailyReportRunStatus outcome);
}
