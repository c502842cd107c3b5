using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using Orleans;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// A tenant's Genesys settings as stored (the client secret only encrypted, ASP.NET Core Data Protection), the
/// members of each channel shard, the agents CA acknowledged, and how the last sync and reconciliation went.
/// </summary>
[GenerateSerializer, Alias("knovvu.GenesysIntegrationState")]
public sealed record GenesysIntegrationState
{
    [Id(0)]
    public required string OrgId { get; init; }

    [Id(1)]
    public required string Role { get; init; }

    [Id(2)]
    public required string User { get; init; }

    [Id(3)]
    public required string ClientId { get; init; }

    [Id(4)]
    public required string ProtectedClientSecret { get; init; }

    [Id(5)]
    public required string GroupId { get; init; }

    [Id(6)]
    public required Uri ApiBaseUrl { get; init; }

    [Id(7)]
    public required Uri LoginBaseUrl { get; init; }

    /// <summary>Member user ids per shard; the index is the shard number of the channel grain's key.</summary>
    [Id(8)]
    public IReadOnlyList<IReadOnlyList<string>> Shards { get; init; } = [];

    /// <summary>Agents CA acknowledged, by Genesys user id: a member is sent again only when it differs.</summary>
    [Id(9)]
    public IReadOnlyDictionary<string, GenesysAgentInCa> AgentsInCa { get; init; } = new Dictionary<string, GenesysAgentInCa>();

    /// <summary>The CA (base URL and client) <see cref="AgentsInCa"/> went to: pointing the tenant at another CA sends them all again.</summary>
    [Id(10)]
    public string? AgentsInCaTarget { get; init; }

    [Id(11)]
    public GenesysSyncSummary? LastSync { get; init; }

    [Id(12)]
    public GenesysReconciliationSummary? LastReconciliation { get; init; }

    /// <summary>Calls that used up their import attempts, by conversation id, until they are offered again.</summary>
    [Id(13)]
    public IReadOnlyDictionary<string, GenesysParkedCall> ParkedCalls { get; init; } = new Dictionary<string, GenesysParkedCall>();

    /// <summary>
    /// The end of the last reconciliation that left nothing (<see cref="GenesysReconcileWindow.ReconciledUntil"/>): the
    /// next run reaches back to it. Null before the first such run, and in state stored before the mark existed.
    /// </summary>
    [Id(14)]
    public DateTimeOffset? ReconciledUntil { get; init; }
}
