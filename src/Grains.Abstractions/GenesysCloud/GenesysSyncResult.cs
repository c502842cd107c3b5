using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// What a group sync hands back to be stored: the member user ids of each channel shard (index = shard; an empty
/// one is retired) and the agents CA acknowledged with the CA they went to (<see cref="CaTarget"/>: base URL and
/// client), null when the run stopped before changing them.
/// </summary>
[GenerateSerializer, Alias("knovvu.GenesysSyncResult")]
public sealed record GenesysSyncResult(
    IReadOnlyList<IReadOnlyList<string>>? Shards,
    IReadOnlyDictionary<string, GenesysAgentInCa>? AgentsInCa,
    string? CaTarget,
    GenesysSyncSummary Summary);

/// <summary>An agent as CA last acknowledged it (what decides whether a member changed).</summary>
[GenerateSerializer, Alias("knovvu.GenesysAgentInCa")]
public sealed record GenesysAgentInCa(string Name, string Surname, string UserName);
