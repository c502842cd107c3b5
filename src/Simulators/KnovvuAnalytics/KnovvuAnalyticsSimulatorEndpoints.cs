using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>The routes of a Knovvu Analytics simulator, relative to where they are mapped.</summary>
public static class KnovvuAnalyticsSimulatorEndpoints
{
    /// <summary>
    /// Where the identity server lives, beside the API as on the real service (a host of its own there), so that a
    /// client deriving the token endpoint from the service base URL fails here too.
    /// </summary>
    public const string IdentityPrefix = "identity/";

    /// <summary>GET: the counts of what the simulator received (<see cref="KnovvuAnalyticsCounts"/>).</summary>
    public const string StatePath = "_sim/state";

    /// <summary>
    /// Maps the simulator: POST identity/connect/token, POST api/departments-agents, POST api/chats, GET _sim/state.
    /// For the demo: <c>app.MapGroup("/ca").MapKnovvuAnalyticsSimulator(state)</c> puts them under /ca.
    /// </summary>
    public static RouteGroupBuilder MapKnovvuAnalyticsSimulator(this IEndpointRouteBuilder routes, KnovvuAnalyticsSimulatorState state)
    {
        var group = routes.MapGroup("");
        group.MapPost(IdentityPrefix + KnovvuAnalyticsApi.TokenPath, Run(KnovvuAnalyticsApi.TokenPath, TokenEndpoint.HandleAsync));
        group.MapPost(KnovvuAnalyticsApi.DepartmentsAgentsPath, Run(KnovvuAnalyticsApi.DepartmentsAgentsPath, DepartmentsAgentsEndpoint.HandleAsync));
        group.MapPost(KnovvuAnalyticsApi.ChatsPath, Run(KnovvuAnalyticsApi.ChatsPath, ChatsEndpoint.HandleAsync));
        group.MapGet(StatePath, () => Results.Ok(state.Counts()));
        return group;

        RequestDelegate Run(string path, Func<SimulatedCall, KnovvuAnalyticsSimulatorState, Task> endpoint) =>
            http => state.Pipeline.RunAsync(http, path, call => endpoint(call, state));
    }
}
