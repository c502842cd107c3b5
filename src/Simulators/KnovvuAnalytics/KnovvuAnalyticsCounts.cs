namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>How much a Knovvu Analytics simulator received (GET _sim/state, for the demo).</summary>
/// <param name="Tenants">Per CA tenant.</param>
/// <param name="Requests">Requests to the token endpoint and the API, answered or not.</param>
/// <param name="RequestsByStatus">Requests per status sent (0: no answer).</param>
/// <param name="TokensIssued">Successful token requests.</param>
/// <param name="FaultRules">Fault rules in force.</param>
public sealed record KnovvuAnalyticsCounts(
    IReadOnlyDictionary<string, CaTenantCounts> Tenants,
    int Requests,
    IReadOnlyDictionary<int, int> RequestsByStatus,
    int TokensIssued,
    int FaultRules);

/// <summary>What one CA tenant holds; <paramref name="ChatDeliveries"/> counts repeats of a stored chat too.</summary>
public sealed record CaTenantCounts(int Departments, int Agents, int Chats, int ChatDeliveries);
