using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.Tenants;
using KnovvuOrleans.Hosting;
using KnovvuOrleans.Runtime.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
builder.Services
    .AddGrainRuntime(options => builder.Configuration.GetSection(GrainRuntimeOptions.SectionName).Bind(options))
    .AddGrains(typeof(TenantGrain).Assembly)
    .UseStorage(storage);
builder.Services.AddKnovvuGrainServices();
builder.Services.AddKafkaDataFeederConnector(builder.Configuration);

builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.Logger.LogInformation("Silo using the {Provider} provider", storage.Provider);
app.Run();
