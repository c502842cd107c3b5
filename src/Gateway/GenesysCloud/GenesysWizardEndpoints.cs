using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Gateway.RateLimiting;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnovvuOrleans.Gateway.GenesysCloud;

/// <summary>
/// The Genesys AppFoundry wizard's setup step (seed 001): it proves the customer holds a tenant client of this
/// gateway and gets the token the install step calls <c>POST /api/tenants/{tenantId}/integrations/genesys/install</c> with.
/// </summary>
internal static class GenesysWizardEndpoints
{
    public static void MapGenesysWizardEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/integrations/genesys/wizard/setup", SetupAsync)
            .AllowAnonymous()
            .RequireRateLimiting(GatewayRateLimiting.WizardSetupPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("Genesys Cloud")
            .WithSummary("Wizard setup: tenant name (or id), username = a tenant client id, password = its secret → a tenant_admin token of that tenant.");

    private static async Task<Results<Ok<GenesysWizardSetupResponse>, ValidationProblem, ProblemHttpResult>> SetupAsync(
        GenesysWizardSetupRequest request, HttpContext httpContext, ClientAuthenticator clients, AccessTokenIssuer issuer, IClusterClient cluster)
    {
        httpContext.Response.Headers.CacheControl = "no-store";
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        // The same answer for a wrong secret, a host client and a tenant name that is not the client's: nothing to probe.
        var client = await clients.AuthenticateAsync(request.Username!, request.Password!);
        if (client?.TenantId is not { } tenantId || !await NamesTenantAsync(cluster, tenantId, request.TenantName!))
        {
            return TypedResults.Problem("The tenant name, the username or the password is wrong.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        if (!client.Scopes.Contains(ClientScopes.TenantAdmin, StringComparer.Ordinal))
        {
            return TypedResults.Problem($"The client may not install integrations: it lacks the scope '{ClientScopes.TenantAdmin}'.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var token = issuer.Issue(client, [ClientScopes.TenantAdmin]);
        return TypedResults.Ok(new GenesysWizardSetupResponse(tenantId, token.AccessToken, token.TokenType, token.ExpiresIn, token.Scope));
    }

    private static async Task<bool> NamesTenantAsync(IClusterClient cluster, string tenantId, string tenantName) =>
        string.Equals(tenantName, tenantId, StringComparison.OrdinalIgnoreCase)
        || (await cluster.GetGrain<ITenantGrain>(tenantId).GetProfile() is { } profile
            && string.Equals(profile.Name.Trim(), tenantName.Trim(), StringComparison.OrdinalIgnoreCase));
}
