using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;

namespace KnovvuOrleans.Grains.Tenants;

/// <summary>What the Tenant grain stores: the tenant's name and its feature settings.</summary>
[GenerateSerializer, Alias("knovvu.TenantState")]
public sealed record TenantState
{
    [Id(0)]
    public string Name { get; init; } = "";

    [Id(1)]
    public TenantFeatures Features { get; init; } = TenantFeatures.Default;
}
