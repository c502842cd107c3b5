using Microsoft.AspNetCore.Http.Metadata;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// The body limit of a request: the route's own (<see cref="IRequestSizeLimitMetadata"/>, for routes that take
/// batches) or <see cref="GatewayOptions.MaxRequestBodyBytes"/>.
/// </summary>
internal static class RequestBodyLimit
{
    public static long For(HttpContext httpContext, GatewayOptions options) =>
        httpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.MaxRequestBodyBytes;

    /// <summary>Gives a route its own body limit.</summary>
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder route, long bytes) =>
        route.WithMetadata(new Limit(bytes));

    private sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
