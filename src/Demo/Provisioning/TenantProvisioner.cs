using System.Net;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.Demo.Provisioning;

/// <summary>
/// Sets a demo tenant up through the gateway's HTTP API, as the host operator and the tenant admin would: the
/// tenant, its features (daily reports, Data Feeder to its topic), its clients, its CA settings pointing at the CA
/// simulator, a VA project with a web and an IVR channel, and the Genesys installation.
/// </summary>
public sealed class TenantProvisioner(GatewayClient gateway, string hostToken, KnovvuAnalyticsSimulator ca, GenesysCloudSimulator genesys)
{
    public static readonly IReadOnlyList<(string Id, string Type)> Channels = [("web", "web"), ("ivr", "ivr")];

    public async Task<ProvisionedTenant> ProvisionAsync(DemoTenant tenant, SimulatedGroup genesysGroup, CancellationToken cancellationToken)
    {
        await gateway.SendAsync(HttpMethod.Post, "/api/host/tenants", hostToken, new { id = tenant.Id, name = tenant.Name }, cancellationToken);
        await gateway.SendAsync(HttpMethod.Put, $"/api/host/tenants/{tenant.Id}/features", hostToken, new
        {
            dailyReports = new { enabled = true, retentionMonths = 1 },
            dataFeeder = new { enabled = true, eventTypes = DataFeederEventTypes.All, topic = tenant.Topic },
            vaToCa = new { sessionsPerHourCap = 1000 },
        }, cancellationToken);

        var adminToken = await RegisterClientAsync(tenant, "demo-va", ["tenant_admin", "ingest"], cancellationToken);
        var reportsToken = await RegisterClientAsync(tenant, "demo-reports", ["dataservice_external"], cancellationToken);

        var tenantPath = $"/api/tenants/{tenant.Id}";
        await gateway.SendAsync(HttpMethod.Put, $"{tenantPath}/integrations/knovvu-analytics", adminToken, new
        {
            serviceBaseUrl = ca.BaseUrl,
            tokenEndpoint = ca.TokenEndpoint,
            clientId = tenant.CaClientId,
            clientSecret = tenant.CaClientSecret,
            enabled = true,
        }, cancellationToken);
        await gateway.SendAsync(HttpMethod.Post, $"{tenantPath}/va/projects", adminToken, new { id = DemoTenant.ProjectId, name = "Support" }, cancellationToken);
        foreach (var (id, type) in Channels)
        {
            await gateway.SendAsync(HttpMethod.Post, $"{tenantPath}/va/projects/{DemoTenant.ProjectId}/channels", adminToken,
                new { id, name = $"{id} channel", type }, cancellationToken);
        }

        await gateway.SendAsync(HttpMethod.Put, $"{tenantPath}/va/projects/{DemoTenant.ProjectId}/knovvu-analytics", adminToken, new { enabled = true }, cancellationToken);
        await InstallGenesysAsync(tenant, adminToken, genesysGroup, cancellationToken);
        return new ProvisionedTenant(tenant, adminToken, reportsToken, Channels.Select(c => c.Id).ToArray());
    }

    private async Task<string> RegisterClientAsync(DemoTenant tenant, string name, string[] scopes, CancellationToken cancellationToken)
    {
        var client = await gateway.SendAsync(HttpMethod.Post, $"/api/host/tenants/{tenant.Id}/clients", hostToken, new { name, scopes }, cancellationToken);
        return await gateway.TokenAsync(client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>(), cancellationToken);
    }

    private async Task InstallGenesysAsync(DemoTenant tenant, string adminToken, SimulatedGroup group, CancellationToken cancellationToken)
    {
        await gateway.SendAsync(HttpMethod.Post, $"/api/tenants/{tenant.Id}/integrations/genesys/install", adminToken, new
        {
            orgId = tenant.GenesysOrgId,
            role = "Knovvu Analytics",
            user = "knovvu-integration",
            clientId = tenant.GenesysClientId,
            clientSecret = tenant.GenesysClientSecret,
            groupId = group.Id,
            apiBaseUrl = genesys.BaseUrl,
            loginBaseUrl = genesys.LoginBaseUrl,
        }, cancellationToken);
        Console.WriteLine($"[{tenant.Id}] Genesys installed: org {tenant.GenesysOrgId}, group {group.Id} ({group.Members.Count} agents)");
    }
}
