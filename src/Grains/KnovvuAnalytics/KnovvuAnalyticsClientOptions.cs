using KnovvuOrleans.Grains.Outbound;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// How the CA client retries, times out and limits itself (configuration section "KnovvuAnalytics:Client"). A CA 429
/// throttles the one request (its retry waits out Retry-After); the tenant's other chats go on within its rate limit.
/// </summary>
public sealed class KnovvuAnalyticsClientOptions : OutboundClientOptions
{
    public const string SectionName = "KnovvuAnalytics:Client";

    protected override string Section => SectionName;

    public KnovvuAnalyticsClientOptions()
    {
        PauseTenantOnThrottle = false;
    }
}
