using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnovvuOrleans.Gateway.GenesysCloud;

/// <summary>
/// A tenant admin's Genesys Cloud integration: the wizard's install step (the client secret is write-only), the
/// settings read back, the status of the channels, syncs and reconciliations, starting either now, and offering the
/// parked calls again.
/// </summary>
internal static class GenesysIntegrationEndpoints
{
    private const string NotInstalled = "The Genesys Cloud integration is not installed.";

    public static void MapGenesysIntegrationEndpoints(this IEndpointRouteBuilder app)
    {
        var genesys = app.MapGroup("/api/tenants/{tenantId}/integrations/genesys")
            .RequireAuthorization(GatewayPolicies.Tenant(ClientScopes.TenantAdmin))
            .ProducesAuthProblems()
            .WithTags("Genesys Cloud");
        genesys.MapPost("/install", InstallAsync).ProducesBodyProblems()
            .WithSummary("Wizard install: stores the org, role, user, OAuth client and group, then syncs the group now and every 15 minutes.");
        genesys.MapGet("", GetAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads the settings; the client secret is never returned, only whether one is stored.");
        genesys.MapGet("/status", GetStatusAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Channel state per shard, subscribed members, last event, the importer's counts, the last sync and reconciliation; "
                         + "backlog = members whose channel is not listening (their calls wait for the reconciliation), calls being imported, "
                         + "and the calls the last reconciliation left pending or failed.");
        genesys.MapPost("/sync", StartSyncAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Starts a group sync now (members → CA agents, channel shards); a running one is not started twice.");
        genesys.MapPost("/reconcile", StartReconciliationAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Starts a reconciliation now: the group's calls that ended since the last run that left nothing failed or pending "
                         + "(at least the last 24 h, plus a 1 h overlap; at most GenesysCloud:Sync:ReconcileCatchUpLimit, 7 days, back) "
                         + "are imported if they were missed; a running one is not started twice.");
        genesys.MapPost("/parked/retry", OfferParkedAgainAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Offers every parked call again: each gets its recording attempts back and is imported once Genesys has its audio.")
            .WithDescription("200 with how many calls were offered again (0 when none was parked); they leave the status' parked list "
                             + "and are parked again if their attempts run out once more. 404 when the integration is not installed.");
    }

    private static async Task<Results<Ok<GenesysIntegrationView>, ValidationProblem>> InstallAsync(
        string tenantId, GenesysInstallation installation, IClusterClient cluster)
    {
        var errors = installation.Validate();
        return errors.IsEmpty ? TypedResults.Ok(await Integration(cluster, tenantId).Install(installation)) : Problems.Invalid(errors);
    }

    private static async Task<Results<Ok<GenesysIntegrationView>, ProblemHttpResult>> GetAsync(string tenantId, IClusterClient cluster) =>
        await Integration(cluster, tenantId).Get() is { } view ? TypedResults.Ok(view) : NotInstalledProblem();

    private static async Task<Results<Ok<GenesysIntegrationStatus>, ProblemHttpResult>> GetStatusAsync(string tenantId, IClusterClient cluster) =>
        await Integration(cluster, tenantId).GetStatus() is { } status ? TypedResults.Ok(status) : NotInstalledProblem();

    private static Task<Results<Accepted<GenesysIntegrationStatus>, ProblemHttpResult>> StartSyncAsync(string tenantId, IClusterClient cluster) =>
        StartAsync(tenantId, cluster, integration => integration.StartSync());

    private static Task<Results<Accepted<GenesysIntegrationStatus>, ProblemHttpResult>> StartReconciliationAsync(string tenantId, IClusterClient cluster) =>
        StartAsync(tenantId, cluster, integration => integration.StartReconciliation());

    private static async Task<Results<Ok<GenesysParkedRetryResult>, ProblemHttpResult>> OfferParkedAgainAsync(string tenantId, IClusterClient cluster)
    {
        var integration = Integration(cluster, tenantId);
        if (await integration.Get() is null)
        {
            return NotInstalledProblem();
        }

        return TypedResults.Ok(new GenesysParkedRetryResult(await integration.OfferParkedAgain()));
    }

    private static async Task<Results<Accepted<GenesysIntegrationStatus>, ProblemHttpResult>> StartAsync(
        string tenantId, IClusterClient cluster, Func<IGenesysIntegrationGrain, Task<bool>> start)
    {
        var integration = Integration(cluster, tenantId);
        if (await integration.Get() is null)
        {
            return NotInstalledProblem();
        }

        // Not started (one is running) is fine too: the status shows it.
        await start(integration);
        return TypedResults.Accepted($"/api/tenants/{tenantId}/integrations/genesys/status", (await integration.GetStatus())!);
    }

    private static ProblemHttpResult NotInstalledProblem() =>
        TypedResults.Problem(NotInstalled, statusCode: StatusCodes.Status404NotFound, title: "Not installed");

    private static IGenesysIntegrationGrain Integration(IClusterClient cluster, string tenantId) => cluster.GetGrain<IGenesysIntegrationGrain>(tenantId);
}
