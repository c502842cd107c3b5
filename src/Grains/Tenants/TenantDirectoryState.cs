using Orleans;

namespace KnovvuOrleans.Grains.Tenants;

/// <summary>The directory's list: tenant id → tenant name.</summary>
[GenerateSerializer, Alias("knovvu.TenantDirectoryState")]
public sealed class TenantDirectoryState
{
    [Id(0)]
    public Dictionary<string, string> Names { get; init; } = [];
}
