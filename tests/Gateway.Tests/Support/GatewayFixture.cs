using KnovvuOrleans.Grains.Abstractions.Clients;

namespace KnovvuOrleans.Gateway.Tests.Support;

/// <summary>
/// A running in-memory gateway with two tenants (tenant-a, tenant-b), each with a client holding every tenant
/// scope, and tokens for the host, each tenant and each single scope, plus an expired one.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    public GatewayFactory Factory { get; } = new();

    public GatewayApi Api { get; private set; } = null!;

    public string HostToken { get; private set; } = null!;

    /// <summary>Tenant A's client with every tenant scope, and its secret.</summary>
    public (string ClientId, string Secret) ClientA { get; private set; }

    public string AdminTokenA { get; private set; } = null!;

    public string AdminTokenB { get; private set; } = null!;

    /// <summary>A token of tenant A with only the ingest scope.</summary>
    public string IngestTokenA { get; private set; } = null!;

    /// <summary>Tenant A's ingest token issued two token lifetimes ago.</summary>
    public string ExpiredIngestTokenA { get; private set; } = null!;

    /// <summary>A token of tenant A that has every tenant scope except tenant_admin.</summary>
    public string NonAdminTokenA { get; private set; } = null!;

    /// <summary>A token of tenant A with only the dataservice_external scope (the reports API).</summary>
    public string ExternalTokenA { get; private set; } = null!;

    /// <summary>Tenant A's dataservice_external token issued two token lifetimes ago.</summary>
    public string ExpiredExternalTokenA { get; private set; } = null!;

    /// <summary>A host token issued two token lifetimes ago.</summary>
    public string ExpiredHostToken { get; private set; } = null!;

    /// <summary>Tenant A's tenant_admin token issued two token lifetimes ago.</summary>
    public string ExpiredAdminTokenA { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = new GatewayApi(Factory.CreateClient());
        HostToken = await Api.TokenAsync(GatewayFactory.HostClientId, Factory.HostSecret);
        await Api.CreateTenantAsync(HostToken, TenantA, "Tenant A");
        await Api.CreateTenantAsync(HostToken, TenantB, "Tenant B");
        ClientA = await Api.RegisterClientAsync(HostToken, TenantA, [.. ClientScopes.TenantScopes]);
        var clientB = await Api.RegisterClientAsync(HostToken, TenantB, [.. ClientScopes.TenantScopes]);
        AdminTokenA = await Api.TokenAsync(ClientA.ClientId, ClientA.Secret, ClientScopes.TenantAdmin);
        AdminTokenB = await Api.TokenAsync(clientB.ClientId, clientB.Secret, ClientScopes.TenantAdmin);
        NonAdminTokenA = await Api.TokenAsync(ClientA.ClientId, ClientA.Secret, $"{ClientScopes.DataServiceExternal} {ClientScopes.Ingest}");
        IngestTokenA = await Api.TokenAsync(ClientA.ClientId, ClientA.Secret, ClientScopes.Ingest);
        ExternalTokenA = await Api.TokenAsync(ClientA.ClientId, ClientA.Secret, ClientScopes.DataServiceExternal);

        Factory.Clock.Offset = -TimeSpan.FromHours(2);
        try
        {
            ExpiredHostToken = await Api.TokenAsync(GatewayFactory.HostClientId, Factory.HostSecret);
            ExpiredAdminTokenA = await Api.TokenAsync(ClientA.ClientId, ClientA.Secret, ClientScopes.TenantAdmin);
            ExpiredIngestTokenA = await Api.TokenAsync(ClientA.ClientId, ClientA.Secret, ClientScopes.Ingest);
            ExpiredExternalTokenA = await Api.TokenAsync(ClientA.ClientId, ClientA.Secret, ClientScopes.DataServiceExternal);
        }
        finally
        {
            Factory.Clock.Offset = TimeSpan.Zero;
        }
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
