using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.Clients;

[GrainType("tenant-clients")]
public sealed class TenantClientsGrain(
    [PersistentState("clients")] IPersistentState<TenantClientsState> clients,
    TimeProvider time) : Grain, ITenantClientsGrain
{
    public async Task<RegisteredClient?> Register(ClientRegistration registration)
    {
        registration.Validate().ThrowIfAny();
        if (!await TenantExistsAsync())
        {
            return null;
        }

        var clientId = ClientId.NewFor(this.GetPrimaryKeyString());
        // 128 random bits: a taken id means a broken random source, not bad luck.
        var secret = await GrainFactory.GetGrain<IClientGrain>(clientId).Create(registration)
                     ?? throw new InvalidOperationException($"The new client id {clientId} is taken already.");
        var summary = new ClientSummary(clientId, registration.Name, [.. registration.Scopes], time.GetUtcNow());
        clients.State.Clients.Add(summary);
        await clients.WriteStateAsync();
        return new RegisteredClient(clientId, secret, summary.Name, summary.Scopes, summary.CreatedAt);
    }

    public async Task<IReadOnlyList<ClientSummary>?> List() =>
        await TenantExistsAsync() ? [.. clients.State.Clients] : null;

    private async Task<bool> TenantExistsAsync() =>
        await GrainFactory.GetGrain<ITenantGrain>(this.GetPrimaryKeyString()).GetProfile() is not null;
}
