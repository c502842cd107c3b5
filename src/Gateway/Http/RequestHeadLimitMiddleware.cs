using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// Applies the documented request-target and header limits (<see cref="GatewayOptions"/>) with RFC 9457 problems.
/// Kestrel refuses over its own limits before any middleware, with a problem that cannot name the limit
/// (<see cref="ServerRefusals.ServerRefusalProblems"/>), so its limits are set well above these
/// (<see cref="KestrelBackstop"/>) and only catch what is far beyond them.
/// </summary>
internal sealed class RequestHeadLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext httpContext)
    {
        var limits = options.Value;
        var target = httpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (target.Length > limits.MaxRequestTargetLength)
        {
            await RefuseAsync(httpContext, StatusCodes.Status414UriTooLong, "Request target too long",
                $"The request target (path and query) is longer than the limit of {limits.MaxRequestTargetLength} characters.");
            return;
        }

        var headers = httpContext.Request.Headers;
        if (headers.Count > limits.MaxRequestHeaderCount || HeaderBytes(headers) > limits.MaxRequestHeadersBytes)
        {
            await RefuseAsync(httpContext, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large",
                $"The request has more than {limits.MaxRequestHeaderCount} headers or more than {limits.MaxRequestHeadersBytes} bytes of headers.");
            return;
        }

        await next(httpContext);
    }

    /// <summary>As on the wire: "name: value\r\n" per value.</summary>
    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long bytes = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                bytes += name.Length + 4 + (value?.Length ?? 0);
            }
        }

        return bytes;
    }

    private Task RefuseAsync(HttpContext httpContext, int status, string title, string detail)
    {
        httpContext.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
