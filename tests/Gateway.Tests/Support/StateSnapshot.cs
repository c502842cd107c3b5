namespace KnovvuOrleans.Gateway.Tests.Support;

/// <summary>Everything the host can read back about the fixture's tenants, to prove a refused request stored nothing.</summary>
public static class StateSnapshot
{
    public static async Task<string> ReadAsync(GatewayFixture fixture)
    {
        var api = fixture.Api;
        var parts = new List<string> { (await api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants", fixture.HostToken)).ToJsonString() };
        foreach (var tenant in new[] { GatewayFixture.TenantA, GatewayFixture.TenantB })
        {
            foreach (var path in new[] { "", "/features", "/clients" })
            {
                parts.Add((await api.ReadOkAsync(HttpMethod.Get, $"/api/host/tenants/{tenant}{path}", fixture.HostToken)).ToJsonString());
            }
        }

        // Tenant A's own configuration: its VA projects, its Knovvu Analytics and Genesys settings (404 while there are none).
        parts.Add((await api.ReadOkAsync(HttpMethod.Get, $"/api/tenants/{GatewayFixture.TenantA}/va/projects", fixture.AdminTokenA)).ToJsonString());
        using var settings = await api.SendAsync(HttpMethod.Get, $"/api/tenants/{GatewayFixture.TenantA}/integrations/knovvu-analytics", fixture.AdminTokenA);
        parts.Add(settings.IsSuccessStatusCode ? await settings.Content.ReadAsStringAsync() : $"{(int)settings.StatusCode}");
        using var genesys = await api.SendAsync(HttpMethod.Get, $"/api/tenants/{GatewayFixture.TenantA}/integrations/genesys", fixture.AdminTokenA);
        parts.Add(genesys.IsSuccessStatusCode ? await genesys.Content.ReadAsStringAsync() : $"{(int)genesys.StatusCode}");
        return string.Join("\n", parts);
    }
}
