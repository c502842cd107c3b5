namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>
/// Keys of a tenant's grains and streams: <c>{tenantId}/{rest}</c>, the tenant id first. A tenant id cannot hold
/// '/', so the first one ends it, whatever the rest holds.
/// </summary>
public static class TenantKey
{
    public static string For(string tenantId, string rest) => $"{tenantId}/{rest}";

    public static string TenantOf(string key) => key[..key.IndexOf('/')];

    public static string RestOf(string key) => key[(key.IndexOf('/') + 1)..];
}
