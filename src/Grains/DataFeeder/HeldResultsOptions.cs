using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// Analysis and category results that arrive before their conversation is recorded are held (configuration section
/// <see cref="SectionName"/>). A conversation that is never recorded would hold them for ever: after
/// <see cref="Expiry"/> they expire, are never published, and are counted in the Data Feeder status.
/// </summary>
public sealed class HeldResultsOptions
{
    public const string SectionName = "DataFeeder:HeldResults";

    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00", ErrorMessage = "DataFeeder:HeldResults:Expiry must be positive (at most 365 days).")]
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often held results of conversations still not recorded are checked for expiry (an Orleans reminder).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "DataFeeder:HeldResults:SweepPeriod must be positive (at most 1 day).")]
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(10);
}
