using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// POST {identity}/connect/token: the OAuth2 client-credentials grant with the credentials in the form
/// (client_secret_post). Errors follow RFC 6749 §5.2: 400 invalid_request, unsupported_grant_type, invalid_scope;
/// 401 invalid_client.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task HandleAsync(SimulatedCall call, KnovvuAnalyticsSimulatorState state)
    {
        var request = call.Http.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync(call.Http.RequestAborted) : null;
        call.ClientId = form?["client_id"].ToString() is { Length: > 0 } clientId ? clientId : null;
        if (await call.InjectFaultsAsync())
        {
            return;
        }

        // Token answers must not be cached (RFC 6749 §5.1), errors included.
        call.Http.Response.Headers.CacheControl = "no-store";
        if (form is null)
        {
            await call.RespondAsync(Error(StatusCodes.Status400BadRequest, "invalid_request", "The body must be application/x-www-form-urlencoded."));
            return;
        }

        var grantType = form["grant_type"].ToString();
        var client = call.ClientId is null ? null : state.FindClient(call.ClientId);
        var refusal = grantType switch
        {
            "" => Error(StatusCodes.Status400BadRequest, "invalid_request", "grant_type is required."),
            not "client_credentials" => Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only client_credentials is supported."),
            _ when client is null || client.ClientSecret != form["client_secret"].ToString() =>
                Error(StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client or wrong secret."),
            _ when !IncludesScope(form["scope"].ToString()) =>
                Error(StatusCodes.Status400BadRequest, "invalid_scope", $"The scope must include \"{KnovvuAnalyticsApi.Scope}\"."),
            _ => null,
        };
        if (refusal is not null)
        {
            await call.RespondAsync(refusal);
            return;
        }

        var lifetime = state.Options.TokenLifetime;
        var token = state.Tokens.Issue(client!.ClientId, client.Tenant, lifetime);
        await call.RespondStoredAsync(Results.Json(new TokenResponse
        {
            AccessToken = token,
            ExpiresIn = (int)lifetime.TotalSeconds,
            TokenType = "Bearer",
            Scope = KnovvuAnalyticsApi.Scope,
        }));
    }

    // The scope's name has a space in it, so it cannot be one space-delimited item: it is looked for between spaces.
    private static bool IncludesScope(string scope) =>
        $" {scope} ".Contains($" {KnovvuAnalyticsApi.Scope} ", StringComparison.Ordinal);

    private static IResult Error(int statusCode, string error, string description) =>
        Results.Json(new TokenErrorResponse { Error = error, ErrorDescription = description }, statusCode: statusCode);
}
