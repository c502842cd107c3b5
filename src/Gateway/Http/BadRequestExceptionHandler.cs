using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// Answers requests that minimal-API binding or Kestrel could not read (malformed JSON, wrong content type, missing
/// or too large body) with a problem that names the problem, instead of an empty 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = bad.InnerException is JsonException json
            ? JsonProblem.From(json)
            : new ProblemDetails
            {
                // 413 and 415 get their detail from DefaultProblemDetails.
                Detail = bad.StatusCode == StatusCodes.Status400BadRequest ? "The request body is missing or cannot be read." : null,
            };
        problem.Status = bad.StatusCode;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
