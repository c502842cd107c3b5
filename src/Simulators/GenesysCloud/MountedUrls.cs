using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// The URLs the simulator hands out (connect URIs, media URIs, next pages), built from the request as the client
/// made it, so that they work on the simulator's own port and when it is mapped under a prefix in another app.
/// </summary>
internal static class MountedUrls
{
    /// <summary>
    /// The path the simulator's routes are mapped under, with a leading and trailing "/": the app's path base and
    /// the prefix of the matched route pattern before <paramref name="template"/> (the route's own template).
    /// </summary>
    public static string RootPath(HttpContext http, string template)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? template;
        var prefix = pattern.EndsWith(template, StringComparison.Ordinal) ? pattern[..^template.Length].Trim('/') : "";
        var path = $"{http.Request.PathBase}/{prefix}".TrimEnd('/');
        return path + "/";
    }

    /// <summary>The absolute http(s) URL of <paramref name="relative"/> on the simulator.</summary>
    public static string Http(HttpContext http, string template, string relative) =>
        $"{http.Request.Scheme}://{http.Request.Host}{RootPath(http, template)}{relative}";

    /// <summary>The absolute ws(s) URL of <paramref name="relative"/> on the simulator.</summary>
    public static string WebSocket(HttpContext http, string template, string relative) =>
        $"{(http.Request.IsHttps ? "wss" : "ws")}://{http.Request.Host}{RootPath(http, template)}{relative}";
}
