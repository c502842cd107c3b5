using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// The order every CA API request goes through: 401 without a valid token; the injected faults (so a 5xx or 429
/// stores nothing); 400/415 for a body of the wrong shape; the endpoint's own checks (400/422); then the endpoint
/// stores and acknowledges (200), unless an ack-lost fault replaces the answer.
/// </summary>
internal static class ApiEndpoint
{
    /// <param name="keyOf">What the request is about, for the request log.</param>
    /// <param name="check">The endpoint's rules for the request in the caller's CA tenant; null when it passes.</param>
    /// <param name="store">Stores the request in the caller's CA tenant and returns the acknowledgement.</param>
    public static async Task HandleAsync<TRequest>(
        SimulatedCall call,
        KnovvuAnalyticsSimulatorState state,
        Func<TRequest, string?> keyOf,
        Func<TRequest, string, IResult?> check,
        Func<TRequest, string, DateTimeOffset, IResult> store)
        where TRequest : class
    {
        if (!state.Tokens.TryAuthenticate(call.Http.Request, out var token, out var challenge))
        {
            await call.RespondAsync(challenge);
            return;
        }

        call.ClientId = token.ClientId;
        var (request, problem) = await StrictJson.ReadAsync<TRequest>(call.Http.Request);
        call.Key = request is null ? null : keyOf(request);
        if (await call.InjectFaultsAsync())
        {
            return;
        }

        problem ??= check(request!, token.Tenant);
        if (problem is not null)
        {
            await call.RespondAsync(problem);
            return;
        }

        await call.RespondStoredAsync(store(request!, token.Tenant, state.Pipeline.Time.GetUtcNow()));
    }
}
