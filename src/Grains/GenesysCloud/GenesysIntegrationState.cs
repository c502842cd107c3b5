using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// A tenant's Genesys settings as stored (the client secret only encrypted, ASP.NET Core Data Protection), the
/// members of each channel shard, the agents CA acknowledged, and how the last sync and reconciliation went.
/// </summary>
public sealed record GenesysIntegrationState
{
    public required string OrgId { get; init; }

    public required string Role { get; init; }

    public required string User { get; init; }

    public required string ClientId { get; init; }

    public required string ProtectedClientSecret { get; init; }

    public required string GroupId { get; init; }

    public required Uri ApiBaseUrl { get; init; }

    public required Uri LoginBaseUrl { get; init; }

    /// <summary>Member user ids per shard; the index is the shard number of the channel grain's key.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Shards { get; init; } = [];

    /// <summary>Agents CA acknowledged, by Genesys user id: a member is sent again only when it differs.</summary>
    public IReadOnlyDictionary<string, GenesysAgentInCa> AgentsInCa { get; init; } = new Dictionary<string, GenesysAgentInCa>();

    /// <summary>The CA (base URL and client) <see cref="AgentsInCa"/> went to: pointing the tenant at another CA sends them all again.</summary>
    public string? AgentsInCaTarget { get; init; }

    public GenesysSyncSummary? LastSync { get; init; }

    public GenesysReconciliationSummary? LastReconciliation { get; init; }
}
