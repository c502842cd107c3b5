using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.Hosting;
using KnovvuOrleans.Simulators.Recording;
using KnovvuOrleans.Simulators.Tokens;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// A Knovvu Analytics simulator in its own Kestrel app on 127.0.0.1: <c>await using var ca = await
/// KnovvuAnalyticsSimulator.StartAsync(options);</c> then configure the client with <see cref="BaseUrl"/> (Service
/// Base URL) and <see cref="TokenEndpoint"/>, set <see cref="Faults"/>, and read <see cref="Received"/> and
/// <see cref="Requests"/>.
/// </summary>
public sealed class KnovvuAnalyticsSimulator : IAsyncDisposable
{
    private readonly SimulatorHost _host;

    private KnovvuAnalyticsSimulator(SimulatorHost host, KnovvuAnalyticsSimulatorState state)
    {
        _host = host;
        State = state;
    }

    /// <summary>The Service Base URL, ending in "/".</summary>
    public Uri BaseUrl => _host.BaseUrl;

    public Uri TokenEndpoint => new(BaseUrl, KnovvuAnalyticsSimulatorEndpoints.IdentityPrefix + KnovvuAnalyticsApi.TokenPath);

    public KnovvuAnalyticsSimulatorState State { get; }

    public KnovvuAnalyticsReceivedData Received => State.Received;

    public RequestLog Requests => State.Requests;

    public FaultInjector Faults => State.Faults;

    public TokenStore Tokens => State.Tokens;

    public static async Task<KnovvuAnalyticsSimulator> StartAsync(KnovvuAnalyticsSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        var state = new KnovvuAnalyticsSimulatorState(options);
        var host = await SimulatorHost.StartAsync(options.Port, routes => routes.MapKnovvuAnalyticsSimulator(state), cancellationToken);
        return new KnovvuAnalyticsSimulator(host, state);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
