using System.Reflection;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnovvuOrleans.Testing;

/// <summary>One silo in the test process, on a storage provider the test chooses; can be stopped or killed.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
        Silo = host.Services.GetRequiredService<Silo>();
    }

    public IClusterClient Client { get; }

    public Silo Silo { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>True once stopped or killed.</summary>
    public bool Stopped { get; private set; }

    public static async Task<TestSilo> StartAsync(
        Assembly grains,
        Action<GrainRuntimeBuilder> storage,
        Action<GrainRuntimeOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var runtime = builder.Services.AddGrainRuntime(options =>
        {
            // Fast enough for tests; the defaults are production values.
            options.ReminderPollInterval = TimeSpan.FromMilliseconds(50);
            options.RelayPollInterval = TimeSpan.FromMilliseconds(100);
            options.RelayRetryBaseDelay = TimeSpan.FromMilliseconds(20);
            options.RelayRetryMaxDelay = TimeSpan.FromMilliseconds(500);
            options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);
            options.CallTimeout = TimeSpan.FromSeconds(10);
            options.Cluster.MembershipInterval = TimeSpan.FromMilliseconds(200);
            options.Cluster.LeaseDuration = TimeSpan.FromSeconds(2);
            options.Cluster.SiloDeathTimeout = TimeSpan.FromSeconds(2);
            configure?.Invoke(options);
        });
        runtime.AddGrains(grains);
        storage(runtime);
        builder.Services.AddLogging();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    public async Task StopAsync()
    {
        if (!Stopped)
        {
            Stopped = true;
            await _host.StopAsync();
        }
    }

    /// <summary>Crashes the silo: no deactivation, nothing more committed.</summary>
    public void Kill()
    {
        Stopped = true;
        Silo.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
