using KnovvuOrleans.Grains.Abstractions.Clients;
using Microsoft.AspNetCore.Authorization;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>One authorization policy per scope: "host" for host routes, "tenant:&lt;scope&gt;" for tenant routes.</summary>
internal static class GatewayPolicies
{
    public const string Host = ClientScopes.Host;

    private const string TenantPrefix = "tenant:";

    public static string Tenant(string scope) => TenantPrefix + scope;

    /// <summary>The scope a policy of this class asks for.</summary>
    public static string ScopeOf(string policy) => policy.StartsWith(TenantPrefix, StringComparison.Ordinal) ? policy[TenantPrefix.Length..] : policy;

    public static AuthorizationBuilder AddGatewayPolicies(this AuthorizationBuilder authorization)
    {
        authorization.AddPolicy(Host, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(ClientScopes.Host, tenantRoute: false)));
        foreach (var scope in ClientScopes.TenantScopes)
        {
            authorization.AddPolicy(Tenant(scope), p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope, tenantRoute: true)));
        }

        return authorization;
    }
}
