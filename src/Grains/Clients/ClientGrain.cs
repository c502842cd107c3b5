using System.Buffers.Text;
using System.Security.Cryptography;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;
using Orleans.Runtime;
using Microsoft.AspNetCore.Identity;

namespace KnovvuOrleans.Grains.Clients;

[GrainType("client")]
public sealed class ClientGrain([PersistentState("client")] IPersistentState<ClientState> client) : Grain, IClientGrain
{
    private const int SecretBytes = 32;

    // ASP.NET Core Identity's hasher: PBKDF2 with HMAC-SHA512, a random salt per hash and a versioned format.
    private static readonly PasswordHasher<ClientState> Hasher = new();

    public async Task<string?> Create(ClientRegistration registration)
    {
        if (client.RecordExists)
        {
            return null;
        }

        var errors = registration.Validate();
        if (!ClientId.IsTenantClientId(this.GetPrimaryKeyString()))
        {
            errors.Add("clientId", "The client id is not of the form <tenantId>.<32 hex digits>.");
        }

        errors.ThrowIfAny();
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var state = new ClientState { Scopes = [.. registration.Scopes] };
        client.State = state with { SecretHash = Hasher.HashPassword(state, secret) };
        await client.WriteStateAsync();
        return secret;
    }

    public Task<ClientIdentity?> Authenticate(string secret)
    {
        if (!client.RecordExists
            || Hasher.VerifyHashedPassword(client.State, client.State.SecretHash, secret) == PasswordVerificationResult.Failed)
        {
            return Task.FromResult<ClientIdentity?>(null);
        }

        var clientId = this.GetPrimaryKeyString();
        return Task.FromResult<ClientIdentity?>(new ClientIdentity(clientId, ClientId.TenantOf(clientId), client.State.Scopes));
    }
}
