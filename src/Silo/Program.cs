using KnovvuOrleans.Hosting;
using KnovvuOrleans.Hosting.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);

builder.UseOrleans(silo => silo.AddKnovvu());
builder.AddKnovvuTelemetry("knovvu-silo");
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);

var app = builder.Build();
app.UseKnovvuMetrics();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapOrleansDashboard("/dashboard");
app.Run();
