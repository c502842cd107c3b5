using KnovvuOrleans.Simulators.Hosting;
using KnovvuOrleans.Simulators.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// The order every Platform API request goes through: 401 without a valid token, then the injected faults (so a 5xx
/// or 429 changes nothing), then the endpoint, which sees only the token's org.
/// </summary>
internal static class GenesysApiEndpoint
{
    /// <summary>The caller's token, or null when the request has been answered (401 or a fault) and the endpoint must stop.</summary>
    /// <param name="key">What the request is about, for the request log.</param>
    public static async Task<IssuedToken?> AdmitAsync(SimulatedCall call, GenesysCloudSimulatorState state, string? key)
    {
        call.Key = key;
        return await AuthenticateAsync(call, state) is { } token && !await call.InjectFaultsAsync() ? token : null;
    }

    /// <summary>
    /// The caller's token, or null when the request has been answered 401; for an endpoint that reads its body (and
    /// so its key) before it injects the faults itself.
    /// </summary>
    public static async Task<IssuedToken?> AuthenticateAsync(SimulatedCall call, GenesysCloudSimulatorState state)
    {
        if (!state.Tokens.TryAuthenticate(call.Http.Request, out var token, out var challenge))
        {
            await call.RespondAsync(GenesysErrors.Unauthorized(challenge));
            return null;
        }

        call.ClientId = token.ClientId;
        return token;
    }

    /// <summary>A GET of one thing of the caller's org, named by a route value; a 404 when the org has none.</summary>
    /// <param name="find">The answer's body for the org and the id; null when there is no such thing.</param>
    public static async Task GetOneAsync(SimulatedCall call, GenesysCloudSimulatorState state, string routeKey, string what, Func<SimulatedOrg, string, object?> find)
    {
        var id = call.Http.GetRouteValue(routeKey) as string;
        if (await AdmitAsync(call, state, id) is not { } token)
        {
            return;
        }

        var body = find(state.Org(token.Tenant), id!);
        await call.RespondAsync(body is null ? GenesysErrors.NotFound($"{what} {id} not found.") : Results.Json(body));
    }
}
