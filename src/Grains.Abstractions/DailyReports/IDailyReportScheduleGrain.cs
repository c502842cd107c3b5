using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>
/// The cluster's nightly reminder (one per cluster, key <see cref="Key"/>). It exists whether or not any tenant has
/// daily reports enabled: the nightly run also purges every tenant's conversation log by its retention.
/// </summary>
[Alias("knovvu.IDailyReportScheduleGrain")]
public interface IDailyReportScheduleGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    /// <summary>Registers the reminder at the configured time of day; every silo calls it at start.</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>Whether the reminder is registered.</summary>
    [Alias("IsScheduled")]
    Task<bool> IsScheduled();
}
