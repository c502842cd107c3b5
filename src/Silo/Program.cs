using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Storage;
using KnovvuOrleans.Silo;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
var runtime = builder.Services.AddGrainRuntime(options => builder.Configuration.GetSection(GrainRuntimeOptions.SectionName).Bind(options));
switch (storage.Provider)
{
    case "InMemory":
        runtime.UseInMemory();
        break;
    case "Postgres" when !string.IsNullOrWhiteSpace(storage.PostgresConnectionString):
        runtime.UsePostgres(storage.PostgresConnectionString);
        break;
    default:
        throw new InvalidOperationException(
            "Storage:Provider must be InMemory or Postgres, and Postgres needs Storage:PostgresConnectionString.");
}

builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.Logger.LogInformation("Silo using the {Provider} provider", storage.Provider);
app.Run();

/// <summary>Ready when the store answers a read.</summary>
internal sealed class StorageHealthCheck(IRuntimeStore store) : IHealthCheck
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
