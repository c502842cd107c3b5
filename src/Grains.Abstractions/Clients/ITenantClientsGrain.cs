using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.Clients;

/// <summary>The OAuth clients registered for one tenant; the key is the tenant id.</summary>
[Alias("knovvu.ITenantClientsGrain")]
public interface ITenantClientsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers a client with a new id and secret; null when the tenant does not exist. Invalid registrations throw
    /// <see cref="Validation.InvalidSettingsException"/> and change nothing.
    /// </summary>
    [Alias("Register")]
    Task<RegisteredClient?> Register(ClientRegistration registration);

    /// <summary>The tenant's clients, oldest first; null when the tenant does not exist.</summary>
    [Alias("List")]
    Task<IReadOnlyList<ClientSummary>?> List();
}
