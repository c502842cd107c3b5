using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.Clients;

/// <summary>One tenant client's credentials; the key is its client id (see <see cref="ClientId"/>).</summary>
[Alias("knovvu.IClientGrain")]
public interface IClientGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the client of the tenant its id names, with a new random secret, and returns the secret; only a hash of
    /// it is stored. Null when the client exists already.
    /// </summary>
    [Alias("Create")]
    Task<string?> Create(ClientRegistration registration);

    /// <summary>The client's identity when the secret is right; null otherwise (also when there is no such client).</summary>
    [Alias("Authenticate")]
    Task<ClientIdentity?> Authenticate(string secret);
}
