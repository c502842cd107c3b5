using KnovvuOrleans.Gateway.Tenants;
using Microsoft.AspNetCore.Authorization;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>
/// The token must grant <see cref="Scope"/>; for tenant routes its tenant must also be the route's {tenantId}, so a
/// token of tenant A never reaches tenant B.
/// </summary>
internal sealed class ScopeRequirement(string scope, bool tenantRoute) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    public bool TenantRoute { get; } = tenantRoute;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var scopes = context.User.FindFirst(GatewayClaims.Scope)?.Value.Split(' ') ?? [];
        var tenant = context.User.FindFirst(GatewayClaims.Tenant)?.Value;
        var fits = scopes.Contains(requirement.Scope, StringComparer.Ordinal)
                   && (!requirement.TenantRoute
                       || (tenant is not null && context.Resource is HttpContext http
                           && string.Equals(http.GetRouteValue(TenantIdFilter.RouteValue) as string, tenant, StringComparison.Ordinal)));
        if (fits)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
