using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.KnovvuAnalytics;

/// <summary>
/// A tenant admin's Knovvu Analytics integration: its settings (the client secret is write-only) and the hourly job
/// that sends to CA, which can also be started now and watched.
/// </summary>
internal static class CaIntegrationEndpoints
{
    public static void MapCaIntegrationEndpoints(this IEndpointRouteBuilder app)
    {
        var integration = app.MapGroup("/api/tenants/{tenantId}/integrations/knovvu-analytics")
            .RequireAuthorization(GatewayPolicies.Tenant(ClientScopes.TenantAdmin))
            .ProducesAuthProblems()
            .WithTags("Knovvu Analytics");
        integration.MapGet("", GetAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads the settings; the client secret is never returned, only whether one is stored.");
        integration.MapPut("", ConfigureAsync).ProducesBodyProblems()
            .WithSummary("Stores the settings; clientSecret may be left out to keep the stored one.");
        integration.MapGet("/sync", GetSyncAsync).WithSummary("How the last run of the hourly job went.");
        integration.MapPost("/sync", StartSyncAsync).WithSummary("Starts a run of the hourly job now (within what is left of this clock hour's cap).");
        integration.MapGet("/parked", GetParkedAsync)
            .WithSummary("The sessions (first 100) and projects CA refused for good, with CA's reasons; they wait for a settings change or a retry.");
        integration.MapPost("/parked/retry", RetryParkedAsync).ProducesBodyProblems()
            .WithSummary("Offers parked sessions (the named ones, or all) and every held project to CA again, at the next run.");
    }

    private static async Task<Results<Ok<CaIntegrationView>, ProblemHttpResult>> GetAsync(string tenantId, IClusterClient cluster) =>
        await Integration(cluster, tenantId).Get() is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem("The Knovvu Analytics integration is not configured.", statusCode: StatusCodes.Status404NotFound,
                title: "Not configured");

    private static async Task<Results<Ok<CaIntegrationView>, ValidationProblem>> ConfigureAsync(
        string tenantId, CaIntegrationSettings settings, IClusterClient cluster, IOptions<CaUrlOptions> urls)
    {
        var integration = Integration(cluster, tenantId);
        var errors = settings.Validate(secretStored: await integration.Get() is not null, urls.Value.PlainHttpHosts);
        return errors.IsEmpty ? TypedResults.Ok(await integration.Configure(settings)) : Problems.Invalid(errors);
    }

    private static async Task<Ok<CaSyncStatus>> GetSyncAsync(string tenantId, IClusterClient cluster) =>
        TypedResults.Ok(await Integration(cluster, tenantId).GetSyncStatus());

    private static async Task<Accepted<CaSyncStatus>> StartSyncAsync(string tenantId, IClusterClient cluster)
    {
        var integration = Integration(cluster, tenantId);
        await integration.StartSync();
        return TypedResults.Accepted($"/api/tenants/{tenantId}/integrations/knovvu-analytics/sync", await integration.GetSyncStatus());
    }

    private static async Task<Ok<CaParked>> GetParkedAsync(string tenantId, IClusterClient cluster) =>
        TypedResults.Ok(await Integration(cluster, tenantId).GetParked());

    private static async Task<Results<Ok<CaParkedRetried>, ValidationProblem>> RetryParkedAsync(
        string tenantId, IClusterClient cluster, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CaParkedRetryRequest? request)
    {
        var retry = request ?? new CaParkedRetryRequest();
        var errors = retry.Validate();
        return errors.IsEmpty ? TypedResults.Ok(await Integration(cluster, tenantId).RetryParked(retry.ExternalIds)) : Problems.Invalid(errors);
    }

    private static ICaIntegrationGrain Integration(IClusterClient cluster, string tenantId) => cluster.GetGrain<ICaIntegrationGrain>(tenantId);
}
