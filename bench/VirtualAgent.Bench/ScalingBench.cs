using System.Diagnostics;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.VirtualAgent.Bench;

/// <summary>
/// VA → Knovvu Analytics throughput on a cluster of one silo and then of two: one or two gateways with their in-process
/// silos (BenchGateway) in this process, joined in one cluster on PostgreSQL over TCP on loopback. Several tenants at
/// once, spread over the gateways, post their published sessions and run the job once, until the CA simulator
/// acknowledged every chat; and the ratio.
/// </summary>
internal static class ScalingBench
{
    private const int Runs = 3;
    // Several tenants, so that the work (each tenant's sessions, its job) can spread over the silos.
    private const int Tenants = 4;
    private const int SessionsPerTenant = 1500;

    public static async Task RunAsync()
    {
        await using var ca = await KnovvuAnalyticsSimulator.StartAsync(new() { Clients = [new("va-client", "va-secret", "ca")] });
        var one = await RunOnAsync(1, ca);
        var two = await RunOnAsync(2, ca);
        var workload = $"{Tenants} tenants at once, {SessionsPerTenant} published sessions each posted to the gateway (batches of 500) and one run "
            + "of each tenant's job (32 chats in flight), first POST → the simulator's last acknowledgement; "
            + "one gateway with its in-process silo per silo, all in this process, the tenants spread over the gateways";
        BenchReport.Figure("va_to_ca_throughput_1_silo", "sessions/s", $"1 silo; {workload}", one);
        BenchReport.Figure("va_to_ca_throughput_2_silos", "sessions/s", $"2 silos; {workload}", two);
        BenchReport.Ratio("va_to_ca_2_silos_vs_1_silo", BenchReport.Median(two) / BenchReport.Median(one),
            "median / median, same machine (both silos share its cores and its PostgreSQL), same run");
    }

    private static async Task<double[]> RunOnAsync(int silos, KnovvuAnalyticsSimulator ca)
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clusterId = $"scaling-{Guid.NewGuid():N}"[..20];
        var gateways = new List<BenchGateway>();
        var fronts = new List<(HttpClient Http, string Host)>();
        try
        {
            // One after another: the first creates the schema, the second joins its cluster.
            for (var i = 0; i < silos; i++)
            {
                gateways.Add(new BenchGateway(database.ConnectionString, clusterId).Start());
                var http = gateways[^1].CreateClient();
                fronts.Add((http, await GatewayCalls.TokenAsync(http, "host-operator", gateways[^1].HostSecret)));
            }

            var management = gateways[0].Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            await Eventually.TrueAsync(async () => (await management.GetHosts(onlyActive: true)).Count == silos, $"{silos} active silos", TimeSpan.FromMinutes(1));
            return await MeasureAsync();
        }
        finally
        {
            foreach (var (http, _) in fronts)
            {
                http.Dispose();
            }

            foreach (var gateway in gateways)
            {
                await gateway.DisposeAsync();
            }
        }

        async Task<double[]> MeasureAsync()
        {
            // One untimed run: the first activations and connections of a new cluster are not its throughput.
            await RunOnceAsync($"s{silos}-warm");
            var runs = new double[Runs];
            for (var run = 0; run < Runs; run++)
            {
                runs[run] = await RunOnceAsync($"s{silos}-{run}");
            }

            return runs;
        }

        async Task<double> RunOnceAsync(string prefix)
        {
            // Each tenant talks to one gateway (their tokens are signed by it), the tenants spread over the gateways.
            var tenants = await Task.WhenAll(Enumerable.Range(0, Tenants).Select(i => TenantAsync(fronts[i % fronts.Count], $"{prefix}-{i}")));
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(tenants.Select(DeliverAsync));
            var rate = Tenants * SessionsPerTenant / watch.Elapsed.TotalSeconds;
            foreach (var (_, id, _, _) in tenants)
            {
                var received = ca.Received.Chats.Count(c => c.ExternalId.StartsWith(id + "-", StringComparison.Ordinal));
                if (received != SessionsPerTenant)
                {
                    throw new InvalidOperationException($"{id}: {received} of {SessionsPerTenant} sessions reached the simulator.");
                }
            }

            return rate;
        }

        // Set up and run the job once (nothing to send), as VaToCaBench does, so the timed run finds it ready.
        async Task<(HttpClient Http, string Id, string Token, string Sync)> TenantAsync((HttpClient Http, string Host) front, string id)
        {
            await GatewayCalls.SendAsync(front.Http, HttpMethod.Post, "/api/host/tenants", front.Host, new { id, name = id });
            await GatewayCalls.SendAsync(front.Http, HttpMethod.Put, $"/api/host/tenants/{id}/features", front.Host, new
            {
                dailyReports = new { enabled = false, retentionMonths = 1 },
                dataFeeder = new { enabled = false, eventTypes = Array.Empty<string>(), topic = (string?)null },
                vaToCa = new { sessionsPerHourCap = SessionsPerTenant },
            });
            var client = await GatewayCalls.SendAsync(front.Http, HttpMethod.Post, $"/api/host/tenants/{id}/clients", front.Host, new { name = "bench", scopes = new[] { "tenant_admin", "ingest" } });
            var token = await GatewayCalls.TokenAsync(front.Http, client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>());
            await GatewayCalls.SendAsync(front.Http, HttpMethod.Put, $"/api/tenants/{id}/integrations/knovvu-analytics", token,
                new { serviceBaseUrl = ca.BaseUrl, tokenEndpoint = ca.TokenEndpoint, clientId = "va-client", clientSecret = "va-secret", enabled = true });
            await GatewayCalls.SendAsync(front.Http, HttpMethod.Post, $"/api/tenants/{id}/va/projects", token, new { id = "p1", name = "Sales" });
            await GatewayCalls.SendAsync(front.Http, HttpMethod.Post, $"/api/tenants/{id}/va/projects/p1/channels", token, new { id = "web", name = "Web", type = "web" });
            await GatewayCalls.SendAsync(front.Http, HttpMethod.Put, $"/api/tenants/{id}/va/projects/p1/knovvu-analytics", token, new { enabled = true });
            var sync = $"/api/tenants/{id}/integrations/knovvu-analytics/sync";
            await GatewayCalls.SendAsync(front.Http, HttpMethod.Post, sync, token, null);
            await WaitForRunAsync(front.Http, sync, token, 1);
            return (front.Http, id, token, sync);
        }

        async Task DeliverAsync((HttpClient Http, string Id, string Token, string Sync) tenant)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, SessionsPerTenant).Chunk(500), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, _) =>
                await GatewayCalls.SendAsync(tenant.Http, HttpMethod.Post, $"/api/tenants/{tenant.Id}/va/sessions", tenant.Token, BenchSessions.Batch(tenant.Id, batch)));
            await GatewayCalls.SendAsync(tenant.Http, HttpMethod.Post, tenant.Sync, tenant.Token, null);
            await WaitForRunAsync(tenant.Http, tenant.Sync, tenant.Token, 2);
        }

        static async Task WaitForRunAsync(HttpClient http, string sync, string token, int count) =>
            await Eventually.TrueAsync(async () =>
            {
                var status = await GatewayCalls.SendAsync(http, HttpMethod.Get, sync, token, null);
                return status["runs"]!.GetValue<int>() >= count && !status["running"]!.GetValue<bool>();
            }, "the run to end", TimeSpan.FromMinutes(5));
    }
}
