using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>The nightly report job (configuration section "DailyReports").</summary>
public sealed class DailyReportOptions
{
    public const string SectionName = "DailyReports";

    /// <summary>UTC time of day the nightly run starts; shortly after midnight so that yesterday is complete.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59.9999999", ErrorMessage = "DailyReports:RunAtUtc must be a time of day (00:00:00 to 23:59:59).")]
    public TimeSpan RunAtUtc { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts per chunk in one run: the first pass and two retry passes after all tenants.</summary>
    [Range(1, 100, ErrorMessage = "DailyReports:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Period of the reminder that starts a run again until it completes (a run whose silo died or that stopped).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "DailyReports:ResumePeriod must be positive (at most 1 day).")]
    public TimeSpan ResumePeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long after a conversation reaches the log late (its hour's chunk already stored) the chunk is built and
    /// stored again, and how often that is retried while it fails; late conversations within it share one rebuild.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "DailyReports:LateRebuildDelay must be positive (at most 1 day).")]
    public TimeSpan LateRebuildDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Conversations deleted per statement when the retention purges the log, so no statement holds locks long.</summary>
    [Range(1, 1_000_000, ErrorMessage = "DailyReports:PurgeBatchSize must be between 1 and 1000000.")]
    public int PurgeBatchSize { get; set; } = 5_000;
}
