using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using Orleans;
using KnovvuOrleans.Simulators.GenesysCloud;

namespace KnovvuOrleans.Demo.Progress;

/// <summary>
/// How many of a tenant's simulated Genesys calls the cluster imported, from the calls' <see cref="IGenesysCallGrain"/>
/// outcomes (the stream and the reconciliation both go through them); null while no call ended yet.
/// </summary>
public sealed class GenesysImportProgress(IClusterClient cluster, GenesysCloudSimulator genesys)
{
    public async Task<int?> CountImportedAsync(DemoTenant tenant)
    {
        var calls = genesys.Org(tenant.GenesysOrgId).Conversations;
        if (calls.Count == 0)
        {
            return null;
        }

        var imported = 0;
        foreach (var call in calls)
        {
            var outcome = await cluster.GetGrain<IGenesysCallGrain>(GenesysCallKey.For(tenant.Id, call.Id)).GetOutcome();
            if (outcome is GenesysImportOutcome.Imported or GenesysImportOutcome.AlreadyImported)
            {
                imported++;
            }
        }

        return imported;
    }
}
