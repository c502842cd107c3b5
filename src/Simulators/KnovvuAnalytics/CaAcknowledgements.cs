namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// The 200 answer to POST Chats. A repeat of a stored ExternalId is acknowledged the same way (not 409), with
/// <paramref name="Duplicate"/> set, so that a client retrying after a lost answer sees success.
/// </summary>
public sealed record ChatAcknowledgement(string ExternalId, bool Duplicate);

/// <summary>The 200 answer to POST Departments-Agents: how many of each were created or updated.</summary>
public sealed record DepartmentsAgentsAcknowledgement(int Departments, int Agents);
