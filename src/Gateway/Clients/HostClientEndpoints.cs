using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Gateway.Tenants;
using KnovvuOrleans.Grains.Abstractions.Clients;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnovvuOrleans.Gateway.Clients;

/// <summary>The host operator's routes for a tenant's OAuth clients; a client's secret is shown once, at registration.</summary>
internal static class HostClientEndpoints
{
    public static void MapHostClientEndpoints(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup($"{HostTenantEndpoints.Path}/{{tenantId}}/clients")
            .RequireAuthorization(GatewayPolicies.Host)
            .ProducesAuthProblems()
            .ValidatesTenantId()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Host: tenant clients");
        clients.MapPost("", RegisterAsync).ProducesBodyProblems()
            .WithSummary("Registers a tenant client; the answer carries its secret, which is never shown again.");
        clients.MapGet("", ListAsync).WithSummary("Lists a tenant's clients (without secrets).");
    }

    private static async Task<Results<Created<RegisteredClient>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        string tenantId, ClientRegistration registration, IClusterClient cluster, HttpContext httpContext)
    {
        var errors = registration.Validate();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (await cluster.GetGrain<ITenantClientsGrain>(tenantId).Register(registration) is not { } client)
        {
            return Problems.UnknownTenant(tenantId);
        }

        // The answer carries a secret: no cache may keep it.
        httpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created((string?)null, client);
    }

    private static async Task<Results<Ok<IReadOnlyList<ClientSummary>>, ProblemHttpResult>> ListAsync(string tenantId, IClusterClient cluster) =>
        Problems.OkOrUnknownTenant(await cluster.GetGrain<ITenantClientsGrain>(tenantId).List(), tenantId);
}
