namespace KnovvuOrleans.Grains.Clients;

/// <summary>What the Client grain stores: the scopes and a salted PBKDF2 hash of the secret, never the secret.</summary>
public sealed record ClientState
{
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public string SecretHash { get; init; } = "";
}
