using System.Collections.Concurrent;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.Hosting;
using KnovvuOrleans.Simulators.Recording;
using KnovvuOrleans.Simulators.Tokens;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// Everything one Genesys Cloud simulator holds: OAuth clients and tokens, orgs (users, groups, conversations),
/// notification channels, scripted calls, fault rules and the request log. Its endpoints run in the simulator's own
/// app (<see cref="GenesysCloudSimulator"/>) or in another one
/// (<see cref="GenesysCloudSimulatorEndpoints.MapGenesysCloudSimulator"/>).
/// </summary>
public sealed class GenesysCloudSimulatorState
{
    private readonly Dictionary<string, GenesysClientRegistration> _clients;
    private readonly ConcurrentDictionary<string, SimulatedOrg> _orgs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedRecording> _recordings = new(StringComparer.Ordinal);

    public GenesysCloudSimulatorState(GenesysCloudSimulatorOptions options)
    {
        if (options.TokenLifetime < TimeSpan.FromSeconds(1) || options.HeartbeatInterval <= TimeSpan.Zero || options.SocketClosingNotice < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), "TokenLifetime is at least a second (expires_in counts seconds), HeartbeatInterval positive, SocketClosingNotice not negative.");
        }

        Options = options;
        _clients = options.Clients.ToDictionary(c => c.ClientId, StringComparer.Ordinal);
        foreach (var client in options.Clients)
        {
            Org(client.OrgId);
        }

        Tokens = new TokenStore(options.TimeProvider);
        Pipeline = new SimulatorPipeline(new FaultInjector(options.FaultSeed), new RequestLog(), options.TimeProvider, GenesysErrors.ForFault);
        Channels = new NotificationChannels(options, Notifications);
        Calls = new ScriptedCalls(this);
    }

    public GenesysCloudSimulatorOptions Options { get; }

    public TokenStore Tokens { get; }

    internal SimulatorPipeline Pipeline { get; }

    public FaultInjector Faults => Pipeline.Faults;

    public RequestLog Requests => Pipeline.Requests;

    public NotificationChannels Channels { get; }

    /// <summary>What became of every call-ended event: delivered or lost.</summary>
    public NotificationLog Notifications { get; } = new();

    public ScriptedCalls Calls { get; }

    public IReadOnlyList<SimulatedOrg> Orgs => _orgs.Values.OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();

    /// <summary>The org with this id, created empty when new.</summary>
    public SimulatedOrg Org(string orgId) => _orgs.GetOrAdd(orgId, id => new SimulatedOrg(id));

    public SimulatedRecording? FindRecording(string recordingId) => _recordings.GetValueOrDefault(recordingId);

    /// <summary>What GET _sim/state answers.</summary>
    public GenesysCloudCounts Counts()
    {
        var channels = Channels.All;
        var requests = Requests.Entries;
        return new GenesysCloudCounts(
            Orgs.ToDictionary(o => o.Id, o => o.Counts()),
            channels.Count,
            channels.Count(c => c.IsConnected),
            channels.Sum(c => c.Topics.Count),
            Notifications.Delivered.Count,
            Notifications.Lost.Count,
            requests.Count,
            requests.GroupBy(r => r.StatusCode).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            requests.Count(r => r.Path == GenesysCloudSimulatorEndpoints.TokenPath && r.StatusCode == StatusCodes.Status200OK),
            Faults.Rules.Count);
    }

    internal GenesysClientRegistration? FindClient(string clientId) => _clients.GetValueOrDefault(clientId);

    internal void Register(SimulatedOrg org, SimulatedConversation conversation)
    {
        foreach (var recording in conversation.Recordings)
        {
            _recordings[recording.Id] = recording;
        }

        org.Add(conversation);
    }
}
