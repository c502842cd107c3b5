using KnovvuOrleans.Grains.Abstractions.Clients;

namespace KnovvuOrleans.Grains.Clients;

/// <summary>The tenant's registered clients, oldest first.</summary>
public sealed class TenantClientsState
{
    public List<ClientSummary> Clients { get; init; } = [];
}
