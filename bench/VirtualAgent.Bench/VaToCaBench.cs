using System.Diagnostics;
using System.Text.Json.Nodes;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.VirtualAgent.Bench;

/// <summary>
/// VA → Knovvu Analytics throughput: 5,000 published sessions posted to the gateway (batches of 500, 4 at a time),
/// then one run of the hourly job, until the CA simulator (zero latency, no faults) acknowledged the last chat.
/// Three runs, each on a tenant of its own; one JSON line per figure with the median; then
/// <see cref="NoisyNeighbourBench"/> (alone with the argument "noisy-neighbour") and <see cref="ScalingBench"/> (alone with
/// "scaling"). Needs KNOVVU_TEST_POSTGRES.
/// </summary>
internal static class VaToCaBench
{
    // The product's chats in flight per tenant (BenchGateway's KnovvuAnalytics settings), and the raw client's.
    private const int InFlight = 32;

    public static async Task Main(string[] args)
    {
        if (args is ["noisy-neighbour"])
        {
            await NoisyNeighbourBench.RunAsync();
            return;
        }

        if (args is ["scaling"])
        {
            await ScalingBench.RunAsync();
            return;
        }

        await RunAsync();
        await NoisyNeighbourBench.RunAsync();
        await ScalingBench.RunAsync();
    }

    private static async Task RunAsync()
    {
        const int Sessions = 5000;
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var ca = await KnovvuAnalyticsSimulator.StartAsync(new() { Clients = [new("va-client", "va-secret", "ca")] });
        await using var gateway = new BenchGateway(database.ConnectionString).Start();
        using var http = gateway.CreateClient();
        var host = await TokenAsync("host-operator", gateway.HostSecret);

        var endToEnd = new List<double>();
        var ingest = new List<double>();
        var raw = new List<double>();
        var costBefore = await PostgresCost.ReadAsync(database.ConnectionString);
        for (var run = 0; run < 3; run++)
        {
            var tenant = $"bench-{run}";
            await SendAsync(HttpMethod.Post, "/api/host/tenants", host, new { id = tenant, name = tenant });
            await SendAsync(HttpMethod.Put, $"/api/host/tenants/{tenant}/features", host, new
            {
                dailyReports = new { enabled = false, retentionMonths = 1 },
                dataFeeder = new { enabled = false, eventTypes = Array.Empty<string>(), topic = (string?)null },
                vaToCa = new { sessionsPerHourCap = Sessions },
            });
            var client = await SendAsync(HttpMethod.Post, $"/api/host/tenants/{tenant}/clients", host, new { name = "bench", scopes = new[] { "tenant_admin", "ingest" } });
            var token = await TokenAsync(client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>());
            await SendAsync(HttpMethod.Put, $"/api/tenants/{tenant}/integrations/knovvu-analytics", token,
                new { serviceBaseUrl = ca.BaseUrl, tokenEndpoint = ca.TokenEndpoint, clientId = "va-client", clientSecret = "va-secret", enabled = true });
            await SendAsync(HttpMethod.Post, $"/api/tenants/{tenant}/va/projects", token, new { id = "p1", name = "Sales" });
            await SendAsync(HttpMethod.Post, $"/api/tenants/{tenant}/va/projects/p1/channels", token, new { id = "web", name = "Web", type = "web" });
            await SendAsync(HttpMethod.Put, $"/api/tenants/{tenant}/va/projects/p1/knovvu-analytics", token, new { enabled = true });
            var sync = $"/api/tenants/{tenant}/integrations/knovvu-analytics/sync";
            await SendAsync(HttpMethod.Post, sync, token, null);
            await WaitForRunAsync(sync, token, 1);

            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, Sessions).Chunk(500), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, _) =>
                await SendAsync(HttpMethod.Post, $"/api/tenants/{tenant}/va/sessions", token, BenchSessions.Batch(tenant, batch)));
            ingest.Add(Sessions / watch.Elapsed.TotalSeconds);
            await SendAsync(HttpMethod.Post, sync, token, null);
            await WaitForRunAsync(sync, token, 2);
            endToEnd.Add(Sessions / watch.Elapsed.TotalSeconds);
            if (ca.Received.Chats.Count(c => c.ExternalId.StartsWith(tenant + "-", StringComparison.Ordinal)) != Sessions)
            {
                throw new InvalidOperationException($"Run {run}: not every session reached the simulator.");
            }

            var chats = ca.Received.Chats.Where(c => c.ExternalId.StartsWith(tenant + "-", StringComparison.Ordinal)).Select(c => c.Value).ToList();
            raw.Add(await RawCaClient.PostAsync(ca, chats, "va-client", "va-secret", InFlight, "raw-"));
        }

        // Three runs' set-up, ingest and delivery: the cost per session, read from the benchmark's own database.
        PostgresCost.Report("va_to_ca", costBefore, await PostgresCost.ReadAsync(database.ConnectionString), 3 * Sessions, "session",
            "PostgreSQL transactions / statements of the whole run (tenant set-up, ingest, one job run) per published session");

        BenchReport.Figure("va_sessions_ingest_throughput", "sessions/s", "POST /va/sessions, batches of 500, 4 concurrent, PostgreSQL", [.. ingest]);
        BenchReport.Figure("va_to_ca_end_to_end_throughput", "sessions/s",
            "5,000 published sessions from the first POST to the simulator's last acknowledgement (one run of the hourly job, 32 chats in flight), PostgreSQL",
            [.. endToEnd]);
        BenchReport.Figure("va_to_ca_raw_http_throughput", "chats/s",
            $"the same 5,000 chats posted by a plain HttpClient to the same simulator, {InFlight} in flight, one token, no database", [.. raw]);
        BenchReport.Ratio("va_to_ca_vs_raw_http", BenchReport.Median([.. endToEnd]) / BenchReport.Median([.. raw]), "median / median, same simulator, same run");

        Task<string> TokenAsync(string clientId, string secret) => GatewayCalls.TokenAsync(http, clientId, secret);

        Task<JsonNode> SendAsync(HttpMethod method, string path, string token, object? body) =>
            GatewayCalls.SendAsync(http, method, path, token, body);

        async Task WaitForRunAsync(string sync, string token, int runs) =>
            await Eventually.TrueAsync(() =>
            {
                var status = SendAsync(HttpMethod.Get, sync, token, null).GetAwaiter().GetResult();
                return status["runs"]!.GetValue<int>() >= runs && !status["running"]!.GetValue<bool>();
            }, "the run to end", TimeSpan.FromMinutes(5));

    }
}
