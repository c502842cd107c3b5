using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.Recording;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.Hosting;

/// <summary>What every request to a simulated endpoint goes through: its faults, the endpoint, then the request log.</summary>
/// <param name="faultAnswer">
/// The answer to an injected 5xx or 429 (status, Retry-After), for a service whose errors have a body of their own;
/// null: the bare status.
/// </param>
internal sealed class SimulatorPipeline(FaultInjector faults, RequestLog requests, TimeProvider time, Func<int, TimeSpan?, IResult>? faultAnswer = null)
{
    public FaultInjector Faults { get; } = faults;

    public RequestLog Requests { get; } = requests;

    public TimeProvider Time { get; } = time;

    public IResult FaultAnswer(int statusCode, TimeSpan? retryAfter = null) =>
        faultAnswer?.Invoke(statusCode, retryAfter) ?? Results.StatusCode(statusCode);

    /// <summary>Runs <paramref name="endpoint"/> for one request to <paramref name="path"/> and logs it, however it ends.</summary>
    public async Task RunAsync(HttpContext http, string path, Func<SimulatedCall, Task> endpoint)
    {
        var call = new SimulatedCall(http, path, this);
        try
        {
            await endpoint(call);
        }
        finally
        {
            Requests.Add(call.ToLogEntry());
        }
    }
}
