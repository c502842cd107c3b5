using System.Net;
using KnovvuOrleans.Runtime.Activation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Runtime.Cluster;

/// <summary>
/// The silo-to-silo endpoint (Orleans' silo port): HTTP/2 without TLS, one route that runs a forwarded grain
/// call on this silo. It is meant for the cluster's private network and has no authentication of its own.
/// </summary>
internal sealed class SiloEndpoint(GrainRuntime runtime) : IAsyncDisposable
{
    private WebApplication? _app;

    public async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        var options = runtime.Options.Cluster;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(options.ListenAddress), options.SiloPort,
            listen => listen.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        _app.MapPost("/grain-calls", HandleAsync);
        await _app.StartAsync(cancellationToken);

        var bound = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return $"http://{options.AdvertisedHost ?? options.ListenAddress}:{bound.Port}";
    }

    private async Task<IResult> HandleAsync(GrainCallRequest request, CancellationToken aborted)
    {
        var (grain, method, arguments) = runtime.Codec.Decode(request);
        try
        {
            var result = await runtime.InvokeLocalAsync(grain, method, arguments).WaitAsync(aborted);
            return Results.Json(runtime.Codec.Completed(method, result));
        }
        catch (NotOwnerException exception)
        {
            return Results.Json(new GrainCallResponse(GrainCallOutcome.NotOwner, null, null, exception.Message));
        }
        catch (Exception exception) when (!aborted.IsCancellationRequested)
        {
            return Results.Json(GrainCallCodec.Failed(exception));
        }
    }

    /// <summary>Stops at once, dropping open connections (a crash) unless <paramref name="graceful"/>.</summary>
    public async Task StopAsync(bool graceful)
    {
        if (Interlocked.Exchange(ref _app, null) is not { } app)
        {
            return;
        }

        if (graceful)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(grace.Token);
        }

        await app.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync(graceful: false));
}
