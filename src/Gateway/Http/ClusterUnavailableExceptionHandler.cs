using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// A grain call the cluster did not answer (its silo died, or it took longer than the response timeout) is a
/// temporary condition, not a server error: 503 with Retry-After, so the caller tries again once the grain is
/// reachable on a live silo.
/// </summary>
internal sealed class ClusterUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (TimeoutException or SiloUnavailableException or OrleansMessageRejectionException))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The cluster did not answer in time; try again.",
            },
            Exception = exception,
        });
    }
}
