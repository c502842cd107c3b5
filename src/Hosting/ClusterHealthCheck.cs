using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnovvuOrleans.Hosting;

/// <summary>Ready when the cluster answers a grain call and names at least one active silo.</summary>
public sealed class ClusterHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} active silos", new Dictionary<string, object> { ["activeSilos"] = silos.Count })
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", exception);
        }
    }
}
