namespace KnovvuOrleans.Grains.Abstractions.Clients;

/// <summary>The OAuth scopes a client can hold. Tenant clients hold tenant scopes; only the host operator holds <see cref="Host"/>.</summary>
public static class ClientScopes
{
    /// <summary>Reads reports (the public Knovvu name of the scope).</summary>
    public const string DataServiceExternal = "dataservice_external";

    /// <summary>Configures the tenant's integrations.</summary>
    public const string TenantAdmin = "tenant_admin";

    /// <summary>Posts VA sessions and analysis results.</summary>
    public const string Ingest = "ingest";

    /// <summary>Manages tenants; never granted to a tenant client.</summary>
    public const string Host = "host";

    public static IReadOnlyList<string> TenantScopes { get; } = [DataServiceExternal, TenantAdmin, Ingest];
}
