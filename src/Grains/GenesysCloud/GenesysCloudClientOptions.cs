using KnovvuOrleans.Grains.Outbound;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// How the Genesys Cloud client retries, times out and limits itself per org (configuration section
/// "GenesysCloud:Client"). Genesys answers 429 with Retry-After when a client goes too fast; these limits keep one
/// tenant's imports from using up what its org allows, and from delaying another tenant's.
/// </summary>
public sealed class GenesysCloudClientOptions : OutboundClientOptions
{
    public const string SectionName = "GenesysCloud:Client";

    protected override string Section => SectionName;

    public GenesysCloudClientOptions()
    {
        RequestsPerSecondPerTenant = 10;
        ConcurrentRequestsPerTenant = 4;
    }
}
