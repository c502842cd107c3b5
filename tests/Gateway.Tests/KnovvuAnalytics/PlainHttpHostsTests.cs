using System.Net;
using System.Text.Json;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests.KnovvuAnalytics;

/// <summary>
/// A tenant's CA URLs on plain http are refused off loopback unless the operator named the host in
/// KnovvuAnalytics:Urls:PlainHttpHosts (the CA simulator inside docker-compose); other hosts stay refused.
/// </summary>
public sealed class PlainHttpHostsTests
{
    [Fact]
    public async Task Plain_http_CA_urls_are_refused_by_default()
    {
        await using var gateway = new GatewayFactory();
        using var response = await ConfigureCaAsync(gateway, "http://simulators:8080/ca");
        await ProblemAssert.IsProblemAsync(response, 400, "serviceBaseUrl");
    }

    [Fact]
    public async Task Plain_http_CA_urls_are_accepted_only_on_the_named_hosts()
    {
        await using var gateway = new GatewayFactory
        {
            Settings = new Dictionary<string, string?> { ["KnovvuAnalytics:Urls:PlainHttpHosts:0"] = "simulators" },
        };
        using (var named = await ConfigureCaAsync(gateway, "http://SIMULATORS:8080/ca"))
        {
            Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        }

        using var other = await ConfigureCaAsync(gateway, "http://ca.example.test/ca");
        await ProblemAssert.IsProblemAsync(other, 400, "serviceBaseUrl");
    }

    private static async Task<HttpResponseMessage> ConfigureCaAsync(GatewayFactory gateway, string baseUrl)
    {
        var api = new GatewayApi(gateway.CreateClient());
        var tenant = $"t{Guid.NewGuid():N}"[..12];
        var hostToken = await api.TokenAsync(GatewayFactory.HostClientId, gateway.HostSecret);
        await api.CreateTenantAsync(hostToken, tenant, "Plain");
        var (clientId, secret) = await api.RegisterClientAsync(hostToken, tenant, "tenant_admin");
        var token = await api.TokenAsync(clientId, secret);
        return await api.SendAsync(HttpMethod.Put, $"/api/tenants/{tenant}/integrations/knovvu-analytics", token, JsonSerializer.Serialize(new
        {
            serviceBaseUrl = baseUrl,
            tokenEndpoint = $"{baseUrl}/connect/token",
            clientId = "va-client",
            clientSecret = "va-secret",
            enabled = false,
        }));
    }
}
