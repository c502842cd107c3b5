using KnovvuOrleans.Runtime.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnovvuOrleans.Hosting;

/// <summary>Ready when the store answers a read.</summary>
public sealed class StorageHealthCheck(IRuntimeStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ReadStateAsync(new("health", "probe"), "probe", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", exception);
        }
    }
}
