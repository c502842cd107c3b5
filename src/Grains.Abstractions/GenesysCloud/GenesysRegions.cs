namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// Genesys Cloud's regions by the domain its hosts live under (api.{domain}, login.{domain}), as Genesys documents
/// them for its Platform API and SDKs. A region outside this list would start a sync against a host that cannot
/// exist; an org elsewhere (a proxy, the simulator) gives explicit base URLs instead.
/// </summary>
public static class GenesysRegions
{
    public static IReadOnlyList<string> Domains { get; } =
    [
        "mypurecloud.com", // Americas (US East)
        "use2.us-gov-pure.cloud", // Americas (US East 2, FedRAMP)
        "usw2.pure.cloud", // Americas (US West)
        "cac1.pure.cloud", // Americas (Canada)
        "sae1.pure.cloud", // Americas (São Paulo)
        "mypurecloud.ie", // EMEA (Dublin)
        "euw2.pure.cloud", // EMEA (London)
        "mypurecloud.de", // EMEA (Frankfurt)
        "euc2.pure.cloud", // EMEA (Zurich)
        "mec1.pure.cloud", // EMEA (UAE)
        "aps1.pure.cloud", // Asia Pacific (Mumbai)
        "apne2.pure.cloud", // Asia Pacific (Seoul)
        "mypurecloud.jp", // Asia Pacific (Tokyo)
        "apne3.pure.cloud", // Asia Pacific (Osaka)
        "mypurecloud.com.au", // Asia Pacific (Sydney)
    ];

    /// <summary>Exact, lower case: the value becomes part of a host name.</summary>
    public static bool IsKnown(string? region) => region is not null && Domains.Contains(region, StringComparer.Ordinal);
}
