using KnovvuOrleans.Gateway.OpenApi;

namespace KnovvuOrleans.Demo.Progress;

/// <summary>
/// The demo's operator page on the gateway: /demo (HTML; its script reads /demo/status every 2 s and draws the
/// figures, rates and charts), /demo/status (JSON: the current figures, the last five minutes, the links) and
/// /demo/events/{tenant} (the last Data Feeder events read back from the tenant's topic).
/// </summary>
public static class StatusEndpoints
{
    public const string PagePath = "/demo";

    public const string JsonPath = "/demo/status";

    public const string EventsPath = "/demo/events";

    public static void MapDemoStatus(this IEndpointRouteBuilder routes, DemoStatus status, StatusHistory history)
    {
        var links = new Dictionary<string, string>
        {
            ["API reference"] = ApiReferenceEndpoints.Path,
            ["OpenAPI document"] = "/openapi/v1.json",
            ["Orleans dashboard"] = "/dashboard",
        };
        foreach (var (name, url) in status.SimulatorLinks)
        {
            links[name] = url;
        }

        // The demo's own pages, not part of the product's API: kept out of the OpenAPI document.
        routes.MapGet(JsonPath, async () => Results.Ok(new
        {
            at = DateTimeOffset.UtcNow,
            tenants = await status.SnapshotAsync(),
            history = history.Samples,
            links,
        })).ExcludeFromDescription();
        routes.MapGet(PagePath, () => Results.Content(OperatorPage.Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        routes.MapGet(EventsPath + "/{tenant}", (string tenant) => status.RecentEvents(tenant) is { } events
            ? Results.Ok(events)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown tenant", detail: $"The demo has no tenant '{tenant}'."))
            .ExcludeFromDescription();
    }
}
