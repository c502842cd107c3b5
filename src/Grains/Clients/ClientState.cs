using Orleans;

namespace KnovvuOrleans.Grains.Clients;

/// <summary>What the Client grain stores: the scopes and a salted PBKDF2 hash of the secret, never the secret.</summary>
[GenerateSerializer, Alias("knovvu.ClientState")]
public sealed record ClientState
{
    [Id(0)]
    public IReadOnlyList<string> Scopes { get; init; } = [];

    [Id(1)]
    public string SecretHash { get; init; } = "";
}
