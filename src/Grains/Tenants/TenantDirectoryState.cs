namespace KnovvuOrleans.Grains.Tenants;

/// <summary>The directory's list: tenant id → tenant name.</summary>
public sealed class TenantDirectoryState
{
    public Dictionary<string, string> Names { get; init; } = [];
}
