using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>
/// The list of all tenants, for the host operator. One activation for the whole cluster (key <see cref="Key"/>);
/// Tenant grains keep it up to date, each tenant's own grain stays the source of truth.
/// </summary>
[Alias("knovvu.ITenantDirectoryGrain")]
public interface ITenantDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "host";

    /// <summary>Adds the tenant or updates its name.</summary>
    [Alias("Register")]
    Task Register(TenantProfile profile);

    /// <summary>All tenants, ordered by id.</summary>
    [Alias("List")]
    Task<IReadOnlyList<TenantProfile>> List();
}
