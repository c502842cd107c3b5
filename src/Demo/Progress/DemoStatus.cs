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
    /// <summary>The simulators' own pages, linked from the operator page.</summary>
    public IReadOnlyDictionary<string, string> SimulatorLinks { get; } = new Dictionary<string, string>
    {
        ["CA simulator"] = new Uri(ca.BaseUrl, "_sim/state").ToString(),
        ["Genesys simulator"] = new Uri(genesys.BaseUrl, "_sim/state").ToString(),
    };

    public async Task<IReadOnlyList<TenantStatus>> SnapshotAsync()
    {
        var chats = ca.Received.Chats;
        var caRequests = ca.Requests.Entries;
        var lines = new List<TenantStatus>();
        foreach (var tenant in DemoTenant.All)
        {
            var counter = counters[tenant.Id];
            var sentToCa = chats.Count(c => c.Tenant == tenant.CaTenant);
            var callsEnded = genesys.Org(tenant.GenesysOrgId).Conversations.Count;
            var imported = await genesysImports.CountImportedAsync(tenant);
            lines.Add(new TenantStatus(
                tenant.Id,
                counter.ConversationsIn,
                sentToCa,
                counter.EventsOut,
                CountReports(tenant),
                counter.Errors,
                callsEnded,
                imported)
            {
                CaFailures = caRequests.Count(r => r.ClientId == tenant.CaClientId && r.StatusCode is 0 or >= 400),
                // The seeded draft is recorded but never sent: it is not waiting.
                CaBacklog = Math.Max(0, counter.ConversationsIn - 1 - sentToCa),
                EventLagSeconds = counter.LastEventLagSeconds,
                GenesysBacklog = callsEnded - (imported ?? 0),
                LastError = counter.LastError,
            });
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
