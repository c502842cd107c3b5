using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnovvuOrleans.Gateway.Tenants;

/// <summary>
/// The tenant admin's own routes; a token reaches them only for its own tenant, with the tenant_admin scope, so the
/// {tenantId} they see is always a well-formed id.
/// </summary>
internal static class TenantAdminEndpoints
{
    public static void MapTenantAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/api/tenants/{tenantId}")
            .RequireAuthorization(GatewayPolicies.Tenant(ClientScopes.TenantAdmin))
            .ProducesAuthProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Tenant admin");
        tenant.MapGet("/profile", GetProfileAsync).WithSummary("Reads the tenant's own profile.");
    }

    private static async Task<Results<Ok<TenantProfile>, ProblemHttpResult>> GetProfileAsync(string tenantId, IClusterClient cluster) =>
        Problems.OkOrUnknownTenant(await cluster.GetGrain<ITenantGrain>(tenantId).GetProfile(), tenantId);
}
