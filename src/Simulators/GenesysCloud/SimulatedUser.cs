using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>A user of a simulated org: an agent whose calls the integration imports once it is in the group.</summary>
public sealed record SimulatedUser(string Id, string OrgId, string Name, string Email)
{
    internal GenesysUser ToWire() => new()
    {
        Id = Id,
        Name = Name,
        Email = Email,
        Username = Email,
        State = "active",
        SelfUri = $"/api/v2/users/{Id}",
    };
}
