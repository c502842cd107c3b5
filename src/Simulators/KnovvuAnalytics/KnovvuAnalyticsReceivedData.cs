using System.Collections.Concurrent;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Recording;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// What the simulated CA holds, per CA tenant, in memory and safe to read while requests arrive. Departments and
/// agents are upserted by external id (the value is the last one received); chats are stored once per ExternalId
/// (the value is the first one received). Every entity counts how often it was received. Lists are snapshots in
/// no particular order.
/// </summary>
public sealed class KnovvuAnalyticsReceivedData
{
    private readonly ConcurrentDictionary<(string Tenant, string ExternalId), ReceivedEntity<CaDepartment>> _departments = new();
    private readonly ConcurrentDictionary<(string Tenant, string ExternalId), ReceivedEntity<CaAgent>> _agents = new();
    private readonly ConcurrentDictionary<(string Tenant, string ExternalId), ReceivedChat> _chats = new();

    public IReadOnlyList<ReceivedEntity<CaDepartment>> Departments => _departments.Values.ToArray();

    public IReadOnlyList<ReceivedEntity<CaAgent>> Agents => _agents.Values.ToArray();

    public IReadOnlyList<ReceivedChat> Chats => _chats.Values.ToArray();

    public ReceivedChat? FindChat(string tenant, string externalId) => _chats.GetValueOrDefault((tenant, externalId));

    public bool HasDepartment(string tenant, string externalId) => _departments.ContainsKey((tenant, externalId));

    public bool HasAgent(string tenant, string externalId) => _agents.ContainsKey((tenant, externalId));

    internal void Upsert(string tenant, DepartmentsAgentsRequest request, DateTimeOffset receivedAt)
    {
        foreach (var department in request.Departments)
        {
            Upsert(_departments, tenant, department.ExternalId, department, receivedAt);
        }

        foreach (var agent in request.Agents)
        {
            Upsert(_agents, tenant, agent.ExternalId, agent, receivedAt);
        }
    }

    /// <summary>Stores the chat unless its ExternalId is stored already (then only counts it); true when it was new.</summary>
    internal bool Store(string tenant, ChatRequest chat, DateTimeOffset receivedAt)
    {
        var received = new ReceivedChat(tenant, chat, receivedAt);
        var stored = _chats.GetOrAdd((tenant, chat.ExternalId), received);
        if (ReferenceEquals(stored, received))
        {
            return true;
        }

        stored.Repeat(null, receivedAt);
        return false;
    }

    private static void Upsert<T>(ConcurrentDictionary<(string, string), ReceivedEntity<T>> store, string tenant, string externalId, T value, DateTimeOffset receivedAt)
        where T : class
    {
        var received = new ReceivedEntity<T>(tenant, externalId, value, receivedAt);
        var stored = store.GetOrAdd((tenant, externalId), received);
        if (!ReferenceEquals(stored, received))
        {
            stored.Repeat(value, receivedAt);
        }
    }
}
