using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// Applies <see cref="RequestBodyLimit"/> to every request: a declared length over the limit is
/// answered 413 before the body is read; a chunked body is cut off by the server at the limit.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext httpContext)
    {
        var limit = RequestBodyLimit.For(httpContext, options.Value);
        if (httpContext.Request.ContentLength > limit)
        {
            // The detail comes from DefaultProblemDetails, as for a chunked body the server cuts off.
            httpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge },
            });
            return;
        }

        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(httpContext);
    }
}
