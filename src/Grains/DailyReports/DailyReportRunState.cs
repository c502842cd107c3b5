using KnovvuOrleans.Grains.Abstractions.DailyReports;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>A finished run's outcome; null while the day's run has not finished (a run whose silo died is started again).</summary>
public sealed record DailyReportRunState
{
    public DailyReportRunStatus? Outcome { get; init; }
}
