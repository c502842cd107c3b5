using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnovvuOrleans.Gateway.Health;

/// <summary>
/// Ready when the in-process silo has started (the host starts it before it reports started) and is not stopping.
/// An out-of-process cluster client will check its connection here instead.
/// </summary>
internal sealed class SiloHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The silo is starting or stopping."));
}
