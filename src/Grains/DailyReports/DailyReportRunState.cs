using KnovvuOrleans.Grains.Abstractions.DailyReports;
using Orleans;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>A finished run's outcome; null while the day's run has not finished (a run whose silo died is started again).</summary>
[GenerateSerializer, Alias("knovvu.DailyReportRunState")]
public sealed record DailyReportRunState
{
    [Id(0)]
    public DailyReportRunStatus? Outcome { get; init; }
}
