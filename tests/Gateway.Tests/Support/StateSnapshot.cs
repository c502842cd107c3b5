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

        return string.Join("\n", parts);
    }
}
