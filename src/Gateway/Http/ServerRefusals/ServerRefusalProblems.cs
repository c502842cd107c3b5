using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.Http.ServerRefusals;

/// <summary>
/// Gives the requests Kestrel refuses itself (a request target it cannot decode such as <c>%00</c>, a malformed request
/// line or header, a request line or headers beyond <see cref="KestrelBackstop"/>, a header timeout) an RFC 9457 problem
/// body instead of Kestrel's empty one. Kestrel offers no hook for that body: every connection's output goes through a
/// <see cref="RefusalProblemWriter"/>, which <see cref="BadRequestObserver"/> arms when Kestrel reports the refusal.
/// </summary>
internal sealed class ServerRefusalProblems(DiagnosticListener diagnostics) : IConfigureOptions<KestrelServerOptions>, IDisposable
{
    private IDisposable? _subscription;

    public void Configure(KestrelServerOptions options)
    {
        // Kestrel's DiagnosticSource is this host's listener; Kestrel checks IsEnabled for the event on each refusal.
        _subscription ??= diagnostics.Subscribe(new BadRequestObserver(), name => name == BadRequestObserver.EventName);

        // Endpoint defaults reach every endpoint, also those bound at start from Urls (how the gateway and its tests
        // listen). An HTTPS endpoint adds TLS inside this middleware: the writer then sees encrypted bytes, which is
        // why the observer leaves TLS connections alone. Kestrel keeps one defaults action: nothing else here sets one.
        options.ConfigureEndpointDefaults(endpoint => endpoint.Use(next => connection =>
        {
            var output = new RefusalProblemWriter(connection.Transport.Output);
            connection.Transport = new ConnectionPipe(connection.Transport.Input, output);
            connection.Features.Set(output);
            return next(connection);
        }));
    }

    public void Dispose() => _subscription?.Dispose();

    private sealed record ConnectionPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
