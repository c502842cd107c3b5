namespace KnovvuOrleans.Grains.Outbound;

/// <summary>What a request carries for the tenant's pipeline and its per-attempt handler.</summary>
internal static class TenantRequestOptions
{
    public static readonly HttpRequestOptionsKey<string> Tenant = new("knovvu.tenant");

    public static readonly HttpRequestOptionsKey<BearerTokenSource> Token = new("knovvu.token");

    /// <summary>The pipeline key: the tenant, or one shared key for requests that name none.</summary>
    public static string TenantOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Tenant, out var tenant) ? tenant : "";
}

/// <param name="Key">Which cached token: the tenant, its identity endpoint and its client.</param>
/// <param name="Request">Asks the identity server for a token and its lifetime.</param>
internal sealed record BearerTokenSource(string Key, Func<Task<(string Token, TimeSpan Lifetime)>> Request);
