using KnovvuOrleans.Demo.Provisioning;

namespace KnovvuOrleans.Demo.Reports;

/// <summary>
/// Fetches a tenant's report of the seeded hour once, as its report client, so the chunk is built (on demand) and
/// stored before the curl line is printed, and says how many conversations it holds.
/// </summary>
public static class ReportProbe
{
    public static async Task<int> FetchAsync(GatewayClient gateway, ProvisionedTenant tenant, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var report = await gateway.SendAsync(HttpMethod.Get,
            $"/api/external/conversations/daily-report/{hour:yyyy-MM-dd}/{hour:HH}?compressed=false", tenant.ReportsToken, null, cancellationToken);
        return report["Conversations"]!.AsArray().Count;
    }
}
