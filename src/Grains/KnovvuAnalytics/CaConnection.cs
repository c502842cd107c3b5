namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// A tenant's CA integration settings as the client needs them. <see cref="ToString"/> leaves the secret out, so the
/// connection can appear in logs and exceptions.
/// </summary>
public sealed record CaConnection(string TenantId, Uri ServiceBaseUrl, Uri TokenEndpoint, string ClientId, string ClientSecret)
{
    public override string ToString() => $"CA of tenant {TenantId} at {ServiceBaseUrl} (client {ClientId})";
}
