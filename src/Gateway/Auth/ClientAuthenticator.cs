using KnovvuOrleans.Grains.Abstractions.Clients;
using Orleans;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>Checks client credentials: the host operator's against configuration, tenant clients' in their Client grain.</summary>
internal sealed class ClientAuthenticator(IClusterClient cluster, GatewayCredentials credentials, IOptions<AuthOptions> options)
{
    public async Task<ClientIdentity?> AuthenticateAsync(string clientId, string secret)
    {
        if (clientId == options.Value.HostClientId)
        {
            return credentials.IsHostSecret(secret) ? new ClientIdentity(clientId, null, [ClientScopes.Host]) : null;
        }

        // An id of another shape cannot exist: refused without activating a grain for it.
        return ClientId.IsTenantClientId(clientId)
            ? await cluster.GetGrain<IClientGrain>(clientId).Authenticate(secret)
            : null;
    }
}
