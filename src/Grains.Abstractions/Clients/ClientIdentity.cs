using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Clients;

/// <summary>An authenticated client: who it is, its tenant (none for the host operator) and the scopes it may ask for.</summary>
[GenerateSerializer, Alias("knovvu.ClientIdentity")]
public sealed record ClientIdentity(string ClientId, string? TenantId, IReadOnlyList<string> Scopes);
