using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Simulators.GenesysCloud;

namespace KnovvuOrleans.Demo.Progress;

/// <summary>
/// How many of a tenant's simulated Genesys calls the cluster imported, from the calls' <see cref="IGenesysCallGrain"/>
/// outcomes; null while the build has no Genesys importer (no grain answers) or no call ended yet.
/// </summary>
// LEAD (after merging the Genesys importer): this reads IGenesysCallGrain.GetOutcome per simulated call; check it
// counts what the importer records (or count the conversation log's rows with Source "genesys" instead), and
// remove the "not available" fallback in TenantProvisioner.InstallGenesysAsync once the install route exists.
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
            GenesysImportOutcome? outcome;
            try
            {
                outcome = await cluster.GetGrain<IGenesysCallGrain>(GenesysCallKey.For(tenant.Id, call.Id)).GetOutcome();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return null;
            }

            if (outcome is GenesysImportOutcome.Imported or GenesysImportOutcome.AlreadyImported)
            {
                imported++;
            }
        }

        return imported;
    }
}
