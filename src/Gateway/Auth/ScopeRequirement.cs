using KnovvuOrleans.Gateway.Tenants;
using Microsoft.AspNetCore.Authorization;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>
/// The token must grant <see cref="Scope"/>; for tenant routes it must name a tenant, and that tenant must be the
/// route's {tenantId}, so a token of tenant A never reaches tenant B. A tenant route without {tenantId} (the external
/// reports API) serves the token's tenant.
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
                           && http.GetRouteValue(TenantIdFilter.RouteValue) is var routeTenant
                           && (routeTenant is null || string.Equals(routeTenant as string, tenant, StringComparison.Ordinal))));
        if (fits)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
