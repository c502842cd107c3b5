using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.Hosting;
using KnovvuOrleans.Simulators.Recording;
using KnovvuOrleans.Simulators.Tokens;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// Everything one Knovvu Analytics simulator holds: its clients and tokens, its fault rules, what it received and
/// its request log. Its endpoints run in the simulator's own app (<see cref="KnovvuAnalyticsSimulator"/>) or in
/// another one (<see cref="KnovvuAnalyticsSimulatorEndpoints.MapKnovvuAnalyticsSimulator"/>).
/// </summary>
public sealed class KnovvuAnalyticsSimulatorState
{
    private readonly Dictionary<string, CaClientRegistration> _clients;

    public KnovvuAnalyticsSimulatorState(KnovvuAnalyticsSimulatorOptions options)
    {
        if (options.TokenLifetime < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TokenLifetime, "TokenLifetime is at least one second (expires_in counts seconds).");
        }

        Options = options;
        _clients = options.Clients.ToDictionary(c => c.ClientId, StringComparer.Ordinal);
        Tokens = new TokenStore(options.TimeProvider);
        Pipeline = new SimulatorPipeline(new FaultInjector(options.FaultSeed), new RequestLog(), options.TimeProvider);
    }

    public KnovvuAnalyticsSimulatorOptions Options { get; }

    public TokenStore Tokens { get; }

    internal SimulatorPipeline Pipeline { get; }

    public FaultInjector Faults => Pipeline.Faults;

    public RequestLog Requests => Pipeline.Requests;

    public KnovvuAnalyticsReceivedData Received { get; } = new();

    /// <summary>What GET _sim/state answers.</summary>
    public KnovvuAnalyticsCounts Counts()
    {
        var departments = Received.Departments;
        var agents = Received.Agents;
        var chats = Received.Chats;
        var requests = Requests.Entries;
        var tenants = departments.Select(d => d.Tenant)
            .Concat(agents.Select(a => a.Tenant))
            .Concat(chats.Select(c => c.Tenant))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToDictionary(t => t, t => new CaTenantCounts(
                departments.Count(d => d.Tenant == t),
                agents.Count(a => a.Tenant == t),
                chats.Count(c => c.Tenant == t),
                chats.Where(c => c.Tenant == t).Sum(c => c.ReceiveCount)));
        return new KnovvuAnalyticsCounts(
            tenants,
            requests.Count,
            requests.GroupBy(r => r.StatusCode).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            requests.Count(r => r.Path == KnovvuAnalyticsApi.TokenPath && r.StatusCode == StatusCodes.Status200OK),
            Faults.Rules.Count);
    }

    internal CaClientRegistration? FindClient(string clientId) => _clients.GetValueOrDefault(clientId);
}
