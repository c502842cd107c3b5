using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>
/// The JwtBearer handler's 401 and 403 answers as RFC 9457 problems; a 401 carries the RFC 6750 WWW-Authenticate
/// header, with error="invalid_token" when a token was sent and refused. Details name the reason, never the token.
/// </summary>
internal static class BearerProblems
{
    public static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        // The handler would write its own bare 401 after the event.
        context.HandleResponse();
        var failure = context.AuthenticateFailure is null ? null : Reason(context.AuthenticateFailure);
        context.Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{failure}\"";
        await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized",
            failure ?? "This route needs an access token: Authorization: Bearer <token> (see POST /connect/token).");
    }

    public static Task ForbiddenAsync(ForbiddenContext context) =>
        WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
            "The access token does not allow this route: its tenant or its scope does not fit.");

    private static string Reason(Exception failure) =>
        (failure is AggregateException many ? many.InnerExceptions : [failure]) switch
        {
            var all when all.Any(e => e is SecurityTokenExpiredException) => "The access token has expired.",
            var all when all.Any(e => e is SecurityTokenNotYetValidException) => "The access token is not valid yet.",
            _ => "The access token is not valid.",
        };

    private static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
