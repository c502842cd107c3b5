using KnovvuOrleans.Grains.Settings;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace KnovvuOrleans.Gateway.Auth;

internal static class AuthServices
{
    public static IServiceCollection AddGatewayAuth(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuthOptions>(AuthOptions.SectionName);
        services.AddSingleton<GatewayCredentials>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.ConfigureOptions<BearerTokenValidation>();
        services.AddAuthorizationBuilder().AddGatewayPolicies();
        return services;
    }
}
