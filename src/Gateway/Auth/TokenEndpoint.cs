using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>POST /connect/token: the OAuth2 client-credentials grant (RFC 6749 §4.4).</summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/connect/token", IssueAsync)
            .AllowAnonymous()
            // Documented here rather than declared with Accepts<T>: that would make routing answer another content
            // type with a 415 problem, where RFC 6749 wants an invalid_request error.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [TokenRequest.FormMediaType] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(TokenForm), null, cancellationToken) },
                    },
                })
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithTags("Auth")
            .WithSummary("Issues an access token for a client's id and secret.");

    private static async Task<Results<Ok<TokenResponse>, JsonHttpResult<OAuthError>>> IssueAsync(
        HttpContext httpContext, ClientAuthenticator clients, AccessTokenIssuer issuer)
    {
        // RFC 6749 §5.1: responses carrying credentials must not be cached.
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.Headers.Pragma = "no-cache";

        var (request, error) = await TokenRequest.ReadAsync(httpContext.Request, httpContext.RequestAborted);
        if (request is null)
        {
            return Error(httpContext, error!);
        }

        var client = await clients.AuthenticateAsync(request.ClientId, request.ClientSecret);
        if (client is null)
        {
            return Error(httpContext, OAuthError.InvalidClient("The client id or the client secret is wrong."));
        }

        var scopes = request.Scopes ?? client.Scopes;
        if (scopes.FirstOrDefault(s => !client.Scopes.Contains(s, StringComparer.Ordinal)) is { } refused)
        {
            return Error(httpContext, OAuthError.InvalidScope($"The client may not ask for the scope '{refused}'."));
        }

        return TypedResults.Ok(issuer.Issue(client, [.. scopes.Distinct(StringComparer.Ordinal)]));
    }

    private static JsonHttpResult<OAuthError> Error(HttpContext httpContext, OAuthError error)
    {
        if (error.Status == StatusCodes.Status401Unauthorized)
        {
            // RFC 6749 §5.2: a 401 names the authentication scheme the client should use.
            httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"knovvu\"";
        }

        return TypedResults.Json(error, statusCode: error.Status);
    }
}
