using KnovvuOrleans.Grains.Abstractions.Tenants;

namespace KnovvuOrleans.Grains.Tenants;

/// <summary>What the Tenant grain stores: the tenant's name and its feature settings.</summary>
public sealed record TenantState
{
    public string Name { get; init; } = "";

    public TenantFeatures Features { get; init; } = TenantFeatures.Default;
}
