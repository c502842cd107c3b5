using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// How Genesys entities become Knovvu Analytics ones: the group is a department (GC.&lt;TenantId&gt;.&lt;groupId&gt;),
/// each member an agent (GC.&lt;TenantId&gt;.&lt;userId&gt;); the importer names a call's agent the same way.
/// </summary>
public static class GenesysToCaMapping
{
    public static string DepartmentExternalId(string tenantId, string groupId) => $"GC.{tenantId}.{groupId}";

    public static string AgentExternalId(string tenantId, string userId) => $"GC.{tenantId}.{userId}";

    public static CaDepartment Department(string tenantId, GenesysGroup group) =>
        new() { Name = group.Name, ExternalId = DepartmentExternalId(tenantId, group.Id) };

    /// <summary>The user's first name and the rest (CA needs both non-empty: a one-word name uses its user id as surname).</summary>
    public static GenesysAgentInCa Agent(GenesysUser user)
    {
        var name = (user.Name ?? "").Trim();
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var (first, rest) = space > 0 ? (name[..space], name[(space + 1)..].Trim()) : (name, "");
        return new GenesysAgentInCa(
            first.Length > 0 ? first : user.Id,
            rest.Length > 0 ? rest : user.Id,
            user.Username ?? user.Email ?? user.Id);
    }

    public static CaAgent ToCaAgent(string tenantId, string groupId, string userId, GenesysAgentInCa agent, bool isActive) => new()
    {
        ExternalId = AgentExternalId(tenantId, userId),
        UserName = agent.UserName,
        Name = agent.Name,
        Surname = agent.Surname,
        Department = new DepartmentReference { ExternalId = DepartmentExternalId(tenantId, groupId) },
        IsActive = isActive,
    };
}
