using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Simulators.Hosting;

/// <summary>
/// A simulator's own Kestrel app on a loopback port. It is built empty (no configuration files, environment
/// variables or logging) so that nothing on the machine changes its behaviour and no per-request logging slows it.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The root of the app, ending in "/" (for example http://127.0.0.1:41234/).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts an app on 127.0.0.1:<paramref name="port"/> (0: a free port) with the endpoints <paramref name="map"/> adds.</summary>
    public static async Task<SimulatorHost> StartAsync(int port, Action<IEndpointRouteBuilder> map, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        // Genesys' notification channels are websockets; the middleware leaves every other request alone.
        app.UseWebSockets();
        map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SimulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
