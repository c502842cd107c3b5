using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Clients;

/// <summary>A registered tenant client as listed to the host operator; never carries the secret.</summary>
[GenerateSerializer, Alias("knovvu.ClientSummary")]
public sealed record ClientSummary(string ClientId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);
