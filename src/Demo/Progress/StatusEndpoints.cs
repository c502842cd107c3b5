using System.Net;
using System.Text;

namespace KnovvuOrleans.Demo.Progress;

/// <summary>The demo's status page: /demo (HTML, refreshes itself) and /demo/status (JSON).</summary>
public static class StatusEndpoints
{
    public const string PagePath = "/demo";

    public const string JsonPath = "/demo/status";

    public static void MapDemoStatus(this IEndpointRouteBuilder routes, DemoStatus status)
    {
        // The demo's own pages, not part of the product's API: kept out of the OpenAPI document.
        routes.MapGet(JsonPath, async () => Results.Ok(new { tenants = await status.SnapshotAsync() })).ExcludeFromDescription();
        routes.MapGet(PagePath, async () => Results.Content(Page(await status.SnapshotAsync()), "text/html; charset=utf-8")).ExcludeFromDescription();
    }

    private static string Page(IReadOnlyList<TenantStatus> tenants)
    {
        var html = new StringBuilder("""
            <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
            <title>KnovvuOrleans demo</title><style>body{font-family:sans-serif}td,th{padding:4px 12px;text-align:right}</style>
            </head><body><h1>KnovvuOrleans demo</h1><table><tr><th>tenant</th><th>conversations in</th><th>sent to CA</th>
            <th>events out</th><th>reports built</th><th>errors</th><th>Genesys calls ended</th><th>Genesys calls imported</th></tr>
            """);
        foreach (var t in tenants)
        {
            html.Append($"<tr><td>{WebUtility.HtmlEncode(t.Tenant)}</td><td>{t.ConversationsIn}</td><td>{t.SentToCa}</td>")
                .Append($"<td>{t.EventsOut}</td><td>{t.ReportsBuilt}</td><td>{t.Errors}</td><td>{t.GenesysCallsEnded}</td>")
                .Append($"<td>{(t.GenesysCallsImported?.ToString() ?? "n/a")}</td></tr>");
        }

        return html.Append("</table><p>JSON: <a href=\"/demo/status\">/demo/status</a></p></body></html>").ToString();
    }
}
