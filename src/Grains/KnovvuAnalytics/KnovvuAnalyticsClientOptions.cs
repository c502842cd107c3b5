using KnovvuOrleans.Grains.Outbound;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>How the CA client retries, times out and limits itself (configuration section "KnovvuAnalytics:Client").</summary>
public sealed class KnovvuAnalyticsClientOptions : OutboundClientOptions
{
    public const string SectionName = "KnovvuAnalytics:Client";

    protected override string Section => SectionName;
}
