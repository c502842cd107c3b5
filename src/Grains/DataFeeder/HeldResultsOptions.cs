namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// Analysis and category results that arrive before their conversation is recorded are held (configuration section
/// <see cref="SectionName"/>). A conversation that is never recorded would hold them for ever: after
/// <see cref="Expiry"/> they expire, are never published, and are counted in the Data Feeder status.
/// </summary>
public sealed class HeldResultsOptions
{
    public const string SectionName = "DataFeeder:HeldResults";

    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often held results of conversations still not recorded are checked for expiry (an Orleans reminder).</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(10);
}
