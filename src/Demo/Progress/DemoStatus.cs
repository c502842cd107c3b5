using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.Demo.Progress;

/// <summary>
/// The demo's progress per tenant, each figure read where it shows: conversations the gateway accepted, chats the CA
/// simulator received, events read back from Kafka, report chunks in the object store folder, Genesys calls.
/// </summary>
public sealed class DemoStatus(
    IReadOnlyDictionary<string, TenantCounters> counters,
    KnovvuAnalyticsSimulator ca,
    GenesysCloudSimulator genesys,
    GenesysImportProgress genesysImports,
    string reportFolder)
{
    public async Task<IReadOnlyList<TenantStatus>> SnapshotAsync()
    {
        var chats = ca.Received.Chats;
        var lines = new List<TenantStatus>();
        foreach (var tenant in DemoTenant.All)
        {
            var counter = counters[tenant.Id];
            lines.Add(new TenantStatus(
                tenant.Id,
                counter.ConversationsIn,
                chats.Count(c => c.Tenant == tenant.CaTenant),
                counter.EventsOut,
                CountReports(tenant),
                counter.Errors,
                genesys.Org(tenant.GenesysOrgId).Conversations.Count,
                await genesysImports.CountImportedAsync(tenant)));
        }

        return lines;
    }

    /// <summary>The last events read back from the tenant's topic; null for a tenant the demo does not have.</summary>
    public IReadOnlyList<KafkaEventSample>? RecentEvents(string tenantId) =>
        counters.TryGetValue(tenantId, out var counter) ? counter.RecentEvents.Snapshot() : null;

    private int CountReports(DemoTenant tenant)
    {
        var folder = Path.Combine(reportFolder, tenant.Id);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "daily-report-*.zip").Length : 0;
    }
}
