using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Clients;

/// <summary>
/// The answer to a registration: the only time the client secret leaves the cluster. Only its hash is stored, so it
/// cannot be shown again.
/// </summary>
[GenerateSerializer, Alias("knovvu.RegisteredClient")]
public sealed record RegisteredClient(
    string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt)
{
    // A record prints all its members; this one must never put the secret into a log line.
    public override string ToString() => $"RegisteredClient {{ ClientId = {ClientId}, Name = {Name} }}";
}
