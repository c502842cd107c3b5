using KnovvuOrleans.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnovvuOrleans.Gateway.Health;

/// <summary>
/// /health/live (the process answers) and /health/ready (the Orleans cluster answers a call and has an active silo, and
/// the Kafka client is the application's own librdkafka; its version is in the details).
/// </summary>
internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddGatewayHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<KafkaClientHealthCheck>(KafkaClientHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        health.MapGet("/live", () => TypedResults.Ok(new HealthReportResponse(nameof(HealthStatus.Healthy), new Dictionary<string, string>(), new Dictionary<string, IReadOnlyDictionary<string, object>>())))
            .WithSummary("Answers while the process runs.");
        health.MapGet("/ready", ReadyAsync)
            .Produces<HealthReportResponse>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("200 when the cluster answers and has an active silo and the Kafka client is the application's own, 503 otherwise.");
    }

    private static async Task<Results<Ok<HealthReportResponse>, JsonHttpResult<HealthReportResponse>>> ReadyAsync(
        HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellationToken);
        var response = HealthReportResponse.From(report);
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
