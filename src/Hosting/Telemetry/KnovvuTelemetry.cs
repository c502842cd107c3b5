using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KnovvuOrleans.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for every host of the product (silo, gateway, demo), set up here only: traces and metrics of ASP.NET
/// Core, HttpClient (the calls to CA, Genesys, VA), Npgsql, Orleans (its grain-call spans, propagated by
/// <c>AddActivityPropagation</c> in <see cref="KnovvuSilo"/>, and its meter) and the product's own
/// (<see cref="KnovvuTracing"/>, <see cref="KnovvuMetrics"/>). Metrics are scraped at <see cref="MetricsPath"/>; both
/// signals go to an OTLP collector when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class KnovvuTelemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>Orleans' meter (messaging, activations, grain calls, membership).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' spans: grain calls made by the product's code, and Orleans' own runtime calls.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    public static TBuilder AddKnovvuTelemetry<TBuilder>(this TBuilder builder, string defaultServiceName)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service (the SDK reads it); else the host's own name.
                if (string.IsNullOrWhiteSpace(builder.Configuration[ServiceNameVariable]))
                {
                    resource.AddService(defaultServiceName);
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(KnovvuTracing.SourceName)
                .AddSource(OrleansSources)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperatorPath(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(KnovvuMetrics.MeterName, DataFeederMetrics.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Serves <c>GET /metrics</c> (Prometheus text format), on <see cref="TelemetryOptions.MetricsPort"/> only when set.</summary>
    public static IApplicationBuilder UseKnovvuMetrics(this IApplicationBuilder app)
    {
        var port = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.MetricsPort;
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath && (port is null || context.Connection.LocalPort == port));
    }

    /// <summary>Scrapes and health probes: every few seconds, and no one's request.</summary>
    private static bool IsOperatorPath(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
