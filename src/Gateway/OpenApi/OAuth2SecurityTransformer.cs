using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Grains.Abstractions.Clients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KnovvuOrleans.Gateway.OpenApi;

/// <summary>
/// Documents how to authenticate: the client-credentials flow at /connect/token, and on each protected operation the
/// scope its policy needs.
/// </summary>
internal sealed class OAuth2SecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string SchemeName = "oauth2";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent<IOpenApiSecurityScheme>(SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Bearer tokens from the client-credentials grant; tenant routes also need the token's tenant to be the route's.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string>
                    {
                        [ClientScopes.DataServiceExternal] = "Read the tenant's reports.",
                        [ClientScopes.TenantAdmin] = "Configure the tenant's integrations.",
                        [ClientScopes.Ingest] = "Post VA sessions and analysis results.",
                        [ClientScopes.Host] = "Manage tenants (host operator only).",
                    },
                },
            },
        });
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAllowAnonymous>().Any()
            && metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) is { } policy)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [GatewayPolicies.ScopeOf(policy)],
            });
        }

        return Task.CompletedTask;
    }
}
