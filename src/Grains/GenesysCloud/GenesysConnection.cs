namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// A tenant's Genesys Cloud org as the client reaches it: the API base (https://api.{region}/), the login base
/// (https://login.{region}/) and the OAuth client. <see cref="ToString"/> leaves the secret out.
/// </summary>
public sealed record GenesysConnection(string TenantId, Uri ApiBaseUrl, Uri LoginBaseUrl, string ClientId, string ClientSecret)
{
    public override string ToString() => $"Genesys Cloud of tenant {TenantId} at {ApiBaseUrl} (client {ClientId})";
}
