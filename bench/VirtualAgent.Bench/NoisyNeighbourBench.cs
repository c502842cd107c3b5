using System.Diagnostics;
using Confluent.Kafka;
using System.Text.Json.Nodes;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.VirtualAgent.Bench;

/// <summary>
/// Noisy neighbour: tenant B's Data Feeder throughput (its 1,000 sessions posted → their Created events all in its
/// topic, timed by their producer timestamps) and VA → CA throughput (one run of the job, its own healthy CA) alone, and again while tenant A posts ten
/// times B's sessions at the same time and then runs them against a CA that fails every request. A warm-up round and
/// three counted rounds of each in one gateway; one JSON line per figure with the median, and the ratios with A / without A.
/// </summary>
internal static class NoisyNeighbourBench
{
    private const int SessionsOfB = 1000;
    private const int CountedRounds = 3;

    public static async Task RunAsync()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var healthyCa = await KnovvuAnalyticsSimulator.StartAsync(new() { Clients = [new("b-client", "b-secret", "ca-b")] });
        await using var failingCa = await KnovvuAnalyticsSimulator.StartAsync(new() { Clients = [new("a-client", "a-secret", "ca-a")] });
        failingCa.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = "api/chats" });
        var kafka = TestEnvironment.KafkaBootstrapServers;
        await using var gateway = new BenchGateway(database.ConnectionString, kafkaBootstrapServers: kafka, tenantIngestLimited: true).Start();
        using var http = gateway.CreateClient();
        var host = await TokenAsync("host-operator", gateway.HostSecret);

        var alone = new List<double>();
        var withA = new List<double>();
        var feederAlone = new List<double>();
        var feederWithA = new List<double>();
        // Topics outlive the bench's database on a broker that is reused: tenant ids are new in every run.
        var run = DateTime.UtcNow.ToString("HHmmss");
        // Round 0 warms the gateway up (JIT, connections, grain types) and is not counted: it was the slowest of each.
        for (var round = 0; round <= CountedRounds; round++)
        {
            var b = await TenantAsync($"b-alone-{round}-{run}", healthyCa, "b-client", "b-secret");
            feederAlone.Add(await FeedAsync(b, SessionsOfB));
            alone.Add(await DeliverAsync(b, SessionsOfB));

            var a = await TenantAsync($"a-noisy-{round}-{run}", failingCa, "a-client", "a-secret");
            var bBeside = await TenantAsync($"b-beside-{round}-{run}", healthyCa, "b-client", "b-secret");
            var aPosting = PostSessionsAsync(a, SessionsOfB * 10);
            feederWithA.Add(await FeedAsync(bBeside, SessionsOfB));
            await aPosting;
            await SendAsync(HttpMethod.Post, a.Sync, a.Token, null);
            withA.Add(await DeliverAsync(bBeside, SessionsOfB));
            var aStatus = await SendAsync(HttpMethod.Get, a.Sync, a.Token, null);
            if (aStatus["sessionsSent"]!.GetValue<int>() != 0 || failingCa.Received.Chats.Count != 0)
            {
                throw new InvalidOperationException("Tenant A's CA was to refuse everything.");
            }
        }

        BenchReport.Figure("va_to_ca_tenant_b_alone", "sessions/s",
            $"tenant B: {SessionsOfB} published sessions, one run of the job, healthy CA simulator, PostgreSQL", Counted(alone));
        BenchReport.Figure("va_to_ca_tenant_b_beside_failing_a", "sessions/s",
            $"tenant B as above while tenant A runs {SessionsOfB * 10} sessions against a CA failing every request (503), same gateway", Counted(withA));
        BenchReport.Ratio("va_to_ca_noisy_neighbour_ratio", BenchReport.Median(Counted(withA)) / BenchReport.Median(Counted(alone)),
            "median B throughput beside failing A / median B throughput alone (1.0 = no effect)");
        BenchReport.Figure("datafeeder_tenant_b_alone", "events/s",
            $"tenant B: {SessionsOfB} sessions posted (4 batches of 500 at a time) → their Created events all read back from its topic", Counted(feederAlone));
        BenchReport.Figure("datafeeder_tenant_b_beside_a", "events/s",
            $"tenant B as above while tenant A posts {SessionsOfB * 10} sessions at the same time (Data Feeder on for both), same gateway", Counted(feederWithA));
        BenchReport.Ratio("datafeeder_noisy_neighbour_ratio", BenchReport.Median(Counted(feederWithA)) / BenchReport.Median(Counted(feederAlone)),
            "median B Data Feeder throughput beside A / median alone (1.0 = no effect)");

        static double[] Counted(List<double> rounds) => [.. rounds.Skip(1)];

        async Task<Tenant> TenantAsync(string id, KnovvuAnalyticsSimulator ca, string clientId, string secret)
        {
            await SendAsync(HttpMethod.Post, "/api/host/tenants", host, new { id, name = id });
            await SendAsync(HttpMethod.Put, $"/api/host/tenants/{id}/features", host, new
            {
                dailyReports = new { enabled = false, retentionMonths = 1 },
                dataFeeder = new { enabled = true, eventTypes = new[] { "ConversationCreatedForDataFeeder" }, topic = $"{id}.conversations" },
                vaToCa = new { sessionsPerHourCap = 100_000 },
            });
            var client = await SendAsync(HttpMethod.Post, $"/api/host/tenants/{id}/clients", host, new { name = "bench", scopes = new[] { "tenant_admin", "ingest" } });
            var token = await TokenAsync(client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>());
            await SendAsync(HttpMethod.Put, $"/api/tenants/{id}/integrations/knovvu-analytics", token,
                new { serviceBaseUrl = ca.BaseUrl, tokenEndpoint = ca.TokenEndpoint, clientId, clientSecret = secret, enabled = true });
            await SendAsync(HttpMethod.Post, $"/api/tenants/{id}/va/projects", token, new { id = "p1", name = "Sales" });
            await SendAsync(HttpMethod.Post, $"/api/tenants/{id}/va/projects/p1/channels", token, new { id = "web", name = "Web", type = "web" });
            await SendAsync(HttpMethod.Put, $"/api/tenants/{id}/va/projects/p1/knovvu-analytics", token, new { enabled = true });
            return new Tenant(id, token, $"/api/tenants/{id}/integrations/knovvu-analytics/sync", $"{id}.conversations");
        }

        async Task PostSessionsAsync(Tenant tenant, int sessions)
        {
            var id = tenant.Id;
            var start = new DateTimeOffset(2025, 8, 26, 7, 0, 0, TimeSpan.Zero);
            await Parallel.ForEachAsync(Enumerable.Range(0, sessions).Chunk(500), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, _) =>
                await SendAsync(HttpMethod.Post, $"/api/tenants/{id}/va/sessions", tenant.Token, new
                {
                    sessions = batch.Select(i => new
                    {
                        externalId = $"{id}-{i:D5}",
                        status = "published",
                        projectId = "p1",
                        channelId = "web",
                        startTime = start.AddSeconds(i),
                        endTime = start.AddSeconds(i + 30),
                        messages = new[] { new { time = start.AddSeconds(i), text = "Merhaba", side = "agent" } },
                        language = "tr-TR",
                    }),
                }));
        }

        // From the first post of B's sessions to the last of their Created events in its topic, by the events' own
        // timestamps (set by the producer as it sends), so the figure does not depend on how often the topic is polled.
        async Task<double> FeedAsync(Tenant tenant, int sessions)
        {
            var start = DateTimeOffset.UtcNow;
            await PostSessionsAsync(tenant, sessions);
            IReadOnlyList<ConsumeResult<string, byte[]>> events = [];
            await Eventually.TrueAsync(() => (events = KafkaReadBack.ReadAll(kafka, tenant.Topic)).Count >= sessions,
                $"{sessions} events in {tenant.Topic}", TimeSpan.FromMinutes(5));
            if (events.Count != sessions)
            {
                throw new InvalidOperationException($"{tenant.Topic} holds {events.Count} events, not {sessions}.");
            }

            var last = events.Max(e => e.Message.Timestamp.UnixTimestampMs);
            return sessions / (DateTimeOffset.FromUnixTimeMilliseconds(last) - start).TotalSeconds;
        }

        // From the start of the run to its end: B's sessions per second.
        async Task<double> DeliverAsync(Tenant tenant, int sessions)
        {
            var watch = Stopwatch.StartNew();
            await SendAsync(HttpMethod.Post, tenant.Sync, tenant.Token, null);
            JsonNode status = null!;
            await Eventually.TrueAsync(() =>
            {
                status = SendAsync(HttpMethod.Get, tenant.Sync, tenant.Token, null).GetAwaiter().GetResult();
                return status["runs"]!.GetValue<int>() >= 1 && !status["running"]!.GetValue<bool>();
            }, "B's run to end", TimeSpan.FromMinutes(5));
            if (status["sessionsSent"]!.GetValue<int>() != sessions)
            {
                throw new InvalidOperationException($"B sent {status["sessionsSent"]} of {sessions}: {status.ToJsonString()}");
            }

            return sessions / watch.Elapsed.TotalSeconds;
        }

        Task<string> TokenAsync(string clientId, string secret) => GatewayCalls.TokenAsync(http, clientId, secret);

        Task<JsonNode> SendAsync(HttpMethod method, string path, string token, object? body) =>
            GatewayCalls.SendAsync(http, method, path, token, body);
    }

    private sealed record Tenant(string Id, string Token, string Sync, string Topic);
}
