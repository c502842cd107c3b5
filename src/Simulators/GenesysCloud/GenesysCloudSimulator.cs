using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.Hosting;
using KnovvuOrleans.Simulators.Recording;
using KnovvuOrleans.Simulators.Tokens;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// A Genesys Cloud simulator in its own Kestrel app on 127.0.0.1: <c>await using var genesys = await
/// GenesysCloudSimulator.StartAsync(options);</c> then point the client at <see cref="BaseUrl"/> (the API) and
/// <see cref="LoginBaseUrl"/> (the login server), set up orgs with <see cref="Org"/>, end calls with
/// <see cref="Calls"/>, break things with <see cref="Faults"/> and <see cref="Channels"/>, and read
/// <see cref="Requests"/> and <see cref="Notifications"/>.
/// </summary>
public sealed class GenesysCloudSimulator : IAsyncDisposable
{
    private readonly SimulatorHost _host;

    private GenesysCloudSimulator(SimulatorHost host, GenesysCloudSimulatorState state)
    {
        _host = host;
        State = state;
    }

    /// <summary>The API base URL (https://api.{region}/ on Genesys), ending in "/".</summary>
    public Uri BaseUrl => _host.BaseUrl;

    /// <summary>The login server's base URL (https://login.{region}/ on Genesys), ending in "/".</summary>
    public Uri LoginBaseUrl => new(BaseUrl, GenesysCloudSimulatorEndpoints.LoginPrefix);

    public Uri TokenEndpoint => new(LoginBaseUrl, GenesysCloudApi.TokenPath);

    public GenesysCloudSimulatorState State { get; }

    public ScriptedCalls Calls => State.Calls;

    public NotificationChannels Channels => State.Channels;

    public NotificationLog Notifications => State.Notifications;

    /// <summary>
    /// Every request, with what it was about as its key: "{groupId} page {n}" (members), the group, channel or
    /// conversation id, "{conversationId}/{recordingId}" (one recording), the recording id (media), "{interval} page {n}"
    /// (details query). <c>Requests.Throttles(retriesOnly: true)</c> pairs each 429 with its own retry.
    /// </summary>
    public RequestLog Requests => State.Requests;

    public FaultInjector Faults => State.Faults;

    public TokenStore Tokens => State.Tokens;

    /// <summary>The org with this id (the orgs of the configured clients exist from the start).</summary>
    public SimulatedOrg Org(string orgId) => State.Org(orgId);

    public static async Task<GenesysCloudSimulator> StartAsync(GenesysCloudSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        var state = new GenesysCloudSimulatorState(options);
        var host = await SimulatorHost.StartAsync(options.Port, routes => routes.MapGenesysCloudSimulator(state), cancellationToken);
        return new GenesysCloudSimulator(host, state);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
