using Scalar.AspNetCore;

namespace KnovvuOrleans.Gateway.OpenApi;

/// <summary>
/// The interactive API reference (Scalar) over the OpenAPI document: read every route and try it with a token. Its
/// scripts come with the package and are served by the gateway, so the page works without internet access; Scalar's
/// telemetry, its AI agent and its hosted developer tools are off, so the page calls nothing outside the gateway.
/// </summary>
public static class ApiReferenceEndpoints
{
    public const string Path = "/api-reference";

    public static void MapApiReference(this IEndpointRouteBuilder routes) =>
        routes.MapScalarApiReference(Path, options => options
                .WithTitle(ProductInfoTransformer.Title)
                .DisableTelemetry()
                .DisableAgent()
                .HideDeveloperTools())
            .ExcludeFromDescription();
}
