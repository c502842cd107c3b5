using KnovvuOrleans.Hosting;
using KnovvuOrleans.Hosting.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);

builder.UseOrleans(silo => silo.AddKnovvu());
builder.AddKnovvuTelemetry("knovvu-silo");
builder.Services.AddHealthChecks()
    .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"])
    .AddCheck<KafkaClientHealthCheck>(KafkaClientHealthCheck.Name, tags: ["ready"]);

var app = builder.Build();
app.UseKnovvuMetrics();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = c => c.Tags.Contains("ready"),
    // The gateway's answer: statuses and details (the librdkafka version) as JSON.
    ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(HealthReportResponse.From(report)),
});
app.MapOrleansDashboard("/dashboard");
app.Run();
