using System.Globalization;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.Recording;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnovvuOrleans.Simulators.Hosting;

/// <summary>
/// One request to a simulated endpoint: who sent it, the faults it drew and the answer it got. The endpoint calls
/// <see cref="InjectFaultsAsync"/> once it knows the client, before it stores anything, and answers with
/// <see cref="RespondAsync"/> (nothing stored) or <see cref="RespondStoredAsync"/> (stored).
/// </summary>
internal sealed class SimulatedCall
{
    private readonly SimulatorPipeline _pipeline;
    private readonly long _sequence;
    private readonly DateTimeOffset _receivedAt;
    private FaultDecision _faults;
    private int _statusCode;
    private TimeSpan? _retryAfter;

    internal SimulatedCall(HttpContext http, string path, SimulatorPipeline pipeline)
    {
        Http = http;
        Path = path;
        _pipeline = pipeline;
        _sequence = pipeline.Requests.NextSequence();
        _receivedAt = pipeline.Time.GetUtcNow();
    }

    public HttpContext Http { get; }

    /// <summary>The endpoint, as the simulator's relative path.</summary>
    public string Path { get; }

    public string? ClientId { get; set; }

    /// <summary>What the request is about, for the log (a chat's ExternalId).</summary>
    public string? Key { get; set; }

    /// <summary>
    /// Draws the request's faults and applies those that come before any processing: the delay, then a hang, a 5xx
    /// or a 429. True when the request is finished (answered or abandoned) and the endpoint must stop.
    /// </summary>
    public async Task<bool> InjectFaultsAsync()
    {
        _faults = _pipeline.Faults.Decide(Path, ClientId);
        if (_faults == FaultDecision.None)
        {
            return false;
        }

        // A hang or delay ends when the client gives up or the app stops, so that stopping never waits for it.
        var stopping = Http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(Http.RequestAborted, stopping);
        try
        {
            if (_faults.Delay > TimeSpan.Zero)
            {
                await Task.Delay(_faults.Delay, _pipeline.Time, abandon.Token);
            }

            if (_faults.Fault?.Kind == FaultKind.Hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _pipeline.Time, abandon.Token);
            }
        }
        catch (OperationCanceledException)
        {
            Http.Abort();
            return true;
        }

        switch (_faults.Fault)
        {
            case { Kind: FaultKind.ServerError } rule:
                await RespondAsync(_pipeline.FaultAnswer(rule.StatusCode ?? StatusCodes.Status503ServiceUnavailable));
                return true;
            case { Kind: FaultKind.TooManyRequests } rule:
                var seconds = (int)Math.Ceiling(rule.RetryAfter.TotalSeconds);
                _retryAfter = TimeSpan.FromSeconds(seconds);
                Http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await RespondAsync(_pipeline.FaultAnswer(StatusCodes.Status429TooManyRequests, _retryAfter));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Answers a request that stored nothing.</summary>
    public async Task RespondAsync(IResult result)
    {
        await result.ExecuteAsync(Http);
        _statusCode = Http.Response.StatusCode;
    }

    /// <summary>Answers a request whose data was stored; an ack-lost fault replaces the answer.</summary>
    public Task RespondStoredAsync(IResult result)
    {
        switch (_faults.Fault)
        {
            case { Kind: FaultKind.AckLost } rule:
                return RespondAsync(_pipeline.FaultAnswer(rule.StatusCode ?? StatusCodes.Status500InternalServerError));
            case { Kind: FaultKind.AckDropped }:
                Http.Abort();
                return Task.CompletedTask;
            default:
                return RespondAsync(result);
        }
    }

    /// <summary>Logs the status the endpoint sent by itself (the 101 of a websocket upgrade).</summary>
    public void RecordAnswer() => _statusCode = Http.Response.StatusCode;

    internal RequestLogEntry ToLogEntry() => new(
        _sequence, Path, ClientId, Key, _receivedAt, _pipeline.Time.GetUtcNow(), _statusCode, _retryAfter, _faults.Delay, _faults.Fault?.Kind);
}
