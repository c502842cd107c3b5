using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.Tenants;

[GrainType("tenant-directory")]
public sealed class TenantDirectoryGrain([PersistentState("directory")] IPersistentState<TenantDirectoryState> directory)
    : Grain, ITenantDirectoryGrain
{
    public async Task Register(TenantProfile profile)
    {
        if (directory.State.Names.TryGetValue(profile.Id, out var name) && name == profile.Name)
        {
            return;
        }

        directory.State.Names[profile.Id] = profile.Name;
        await directory.WriteStateAsync();
    }

    public Task<IReadOnlyList<TenantProfile>> List() =>
        Task.FromResult<IReadOnlyList<TenantProfile>>(directory.State.Names
            .OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new TenantProfile(n.Key, n.Value))
            .ToList());
}
