using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

/// <summary>
/// A tenant's CA settings as other integrations reach CA with them (the Genesys group sync sends its agents):
/// <see cref="ProtectedClientSecret"/> is the encrypted secret, so it never travels or prints in clear.
/// </summary>
[GenerateSerializer, Alias("knovvu.CaStoredConnection")]
public sealed record CaStoredConnection(Uri ServiceBaseUrl, Uri TokenEndpoint, string ClientId, string ProtectedClientSecret, bool Enabled)
{
    public override string ToString() => $"CA at {ServiceBaseUrl} (client {ClientId}, {(Enabled ? "enabled" : "disabled")})";
}
