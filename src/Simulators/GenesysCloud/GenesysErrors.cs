using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>Error answers in Genesys' shape, <c>{message, code, status}</c> (<see cref="GenesysErrorResponse"/>).</summary>
internal static class GenesysErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new GenesysErrorResponse { Message = message, Code = code, Status = status, ContextId = Guid.NewGuid().ToString() }, statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, GenesysCloudApi.ErrorCodes.BadRequest, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, GenesysCloudApi.ErrorCodes.NotFound, message);

    /// <summary>The answer to an injected fault: a 429 says when to come back, as its Retry-After header does.</summary>
    public static IResult ForFault(int status, TimeSpan? retryAfter) => status switch
    {
        StatusCodes.Status429TooManyRequests => Error(
            status, GenesysCloudApi.ErrorCodes.TooManyRequests, $"Rate limit exceeded the maximum. Retry the request in [{retryAfter?.TotalSeconds ?? 1}] seconds"),
        StatusCodes.Status503ServiceUnavailable => Error(status, GenesysCloudApi.ErrorCodes.ServiceUnavailable, "Service unavailable."),
        _ => Error(status, GenesysCloudApi.ErrorCodes.InternalServerError, "The server encountered an unexpected error."),
    };

    /// <summary>The token store's 401 (status and Bearer challenge) with Genesys' body.</summary>
    public static IResult Unauthorized(IResult challenge) => new ChallengeWithBody(challenge);

    private sealed class ChallengeWithBody(IResult challenge) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await challenge.ExecuteAsync(httpContext);
            await Error(StatusCodes.Status401Unauthorized, GenesysCloudApi.ErrorCodes.BadCredentials, "Invalid login credentials.").ExecuteAsync(httpContext);
        }
    }
}
