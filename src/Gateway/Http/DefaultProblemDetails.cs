using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// Says what went wrong in problems that the framework answers with a bare status (no route, wrong method, body too
/// large, body not JSON), so every error names its problem.
/// </summary>
internal sealed class DefaultProblemDetails(IOptions<GatewayOptions> gateway) : IConfigureOptions<ProblemDetailsOptions>
{
    public void Configure(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context => context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound => "No route matches this path.",
            StatusCodes.Status405MethodNotAllowed => "This route does not accept this HTTP method.",
            StatusCodes.Status413PayloadTooLarge =>
                $"The request body is larger than the limit of {RequestBodyLimit.For(context.HttpContext, gateway.Value)} bytes.",
            StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
            _ => null,
        };
}
