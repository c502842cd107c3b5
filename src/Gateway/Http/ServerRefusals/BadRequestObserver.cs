using Microsoft.AspNetCore.Http.Features;

namespace KnovvuOrleans.Gateway.Http.ServerRefusals;

/// <summary>
/// Receives Kestrel's "bad request" event, which Kestrel raises synchronously when it refuses a request it could not
/// parse (or whose body it could not read), after setting the refusal's status and before writing it. The event's
/// feature collection falls back to the connection's features, where <see cref="ServerRefusalProblems"/> left the
/// connection's <see cref="RefusalProblemWriter"/>; this arms it with the problem to send.
/// </summary>
internal sealed class BadRequestObserver : IObserver<KeyValuePair<string, object?>>
{
    public const string EventName = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != EventName || value.Value is not IFeatureCollection features
            || features.Get<RefusalProblemWriter>() is not { } writer
            || features.Get<IHttpResponseFeature>() is not { HasStarted: false } response)
        {
            return;
        }

        // Under TLS the writer sees encrypted bytes, and HTTP/2 and HTTP/3 refusals are frames: those keep Kestrel's
        // answer. So does HEAD, whose answer has no body.
        var request = features.Get<IHttpRequestFeature>();
        if (features.Get<ITlsConnectionFeature>() is not null || request is null
            || HttpProtocol.IsHttp2(request.Protocol) || HttpProtocol.IsHttp3(request.Protocol) || HttpMethods.IsHead(request.Method))
        {
            return;
        }

        var error = features.Get<IBadRequestExceptionFeature>()?.Error;
        var status = (error as BadHttpRequestException)?.StatusCode ?? response.StatusCode;
        writer.Arm(RefusalProblem.For(status, error?.Message, features.Get<IHttpRequestIdentifierFeature>()?.TraceIdentifier));
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
