using KnovvuOrleans.Grains.Abstractions.Clients;
using Orleans;

namespace KnovvuOrleans.Grains.Clients;

/// <summary>The tenant's registered clients, oldest first.</summary>
[GenerateSerializer, Alias("knovvu.TenantClientsState")]
public sealed class TenantClientsState
{
    [Id(0)]
    public List<ClientSummary> Clients { get; init; } = [];
}
