using System.Text;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// POST {login}/oauth/token as Genesys' login server answers it: the client-credentials grant, with the client id and
/// secret only in an HTTP Basic header (base64 of "id:secret") and <c>grant_type=client_credentials</c> in the form.
/// 400 invalid_request or unsupported_grant_type, 401 invalid_client.
/// </summary>
internal static class LoginEndpoint
{
    public static async Task HandleAsync(SimulatedCall call, GenesysCloudSimulatorState state)
    {
        var request = call.Http.Request;
        var credentials = BasicCredentials(request.Headers.Authorization.ToString());
        call.ClientId = credentials?.ClientId;
        if (await call.InjectFaultsAsync())
        {
            return;
        }

        // Token answers must not be cached (RFC 6749 §5.1), errors included.
        call.Http.Response.Headers.CacheControl = "no-store";
        var form = request.HasFormContentType ? await request.ReadFormAsync(call.Http.RequestAborted) : null;
        var client = credentials is { } presented && state.FindClient(presented.ClientId) is { } known && known.ClientSecret == presented.Secret ? known : null;
        var refusal = form?["grant_type"].ToString() switch
        {
            null => Error(StatusCodes.Status400BadRequest, "invalid_request", "The body must be application/x-www-form-urlencoded."),
            "" => Error(StatusCodes.Status400BadRequest, "invalid_request", "grant_type is required."),
            not "client_credentials" => Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only client_credentials is supported."),
            _ when client is null => InvalidClient(),
            _ => null,
        };
        if (refusal is not null)
        {
            await call.RespondAsync(refusal);
            return;
        }

        var lifetime = state.Options.TokenLifetime;
        await call.RespondStoredAsync(Results.Json(new GenesysTokenResponse
        {
            AccessToken = state.Tokens.Issue(client!.ClientId, client.OrgId, lifetime),
            TokenType = "bearer",
            ExpiresIn = (int)lifetime.TotalSeconds,
        }));
    }

    private static (string ClientId, string Secret)? BasicCredentials(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult InvalidClient() => new InvalidClientResult();

    private static IResult Error(int statusCode, string error, string description) =>
        Results.Json(new GenesysTokenErrorResponse { Error = error, Description = description, ErrorDescription = description }, statusCode: statusCode);

    // RFC 6749 §5.2: a 401 for client authentication through a header names the scheme to use.
    private sealed class InvalidClientResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Genesys Cloud\"";
            return Error(StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client, wrong secret, or no HTTP Basic credentials.").ExecuteAsync(httpContext);
        }
    }
}
