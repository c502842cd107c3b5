namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>The nightly report job (configuration section "DailyReports").</summary>
public sealed class DailyReportOptions
{
    public const string SectionName = "DailyReports";

    /// <summary>UTC time of day the nightly run starts; shortly after midnight so that yesterday is complete.</summary>
    public TimeSpan RunAtUtc { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts per chunk in one run: the first pass and two retry passes after all tenants.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Period of the reminder that starts a run again until it completes (a run whose silo died or that stopped).</summary>
    public TimeSpan ResumePeriod { get; set; } = TimeSpan.FromMinutes(10);
}
