using Microsoft.AspNetCore.Authentication;

namespace KnovvuOrleans.Gateway.Auth;

internal static class AuthServices
{
    public static IServiceCollection AddGatewayAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Auth:TokenLifetime must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.HostClientId) && !o.HostClientId.Contains('.'),
                "Auth:HostClientId must be set and must not contain '.' (tenant client ids do).")
            .ValidateOnStart();
        services.AddSingleton<GatewayCredentials>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddGatewayPolicies();
        return services;
    }
}
