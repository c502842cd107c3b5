using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.VirtualAgent.Tests.VirtualAgent;

/// <summary>VA → Knovvu Analytics on three silos and real PostgreSQL, with the CA simulator over HTTP.</summary>
public sealed class VaToCaClusterTests
{
    [Fact]
    public async Task A_silo_killed_in_the_middle_of_a_run_still_leaves_each_session_sent_exactly_once()
    {
        await using var ca = await KnovvuAnalyticsSimulator.StartAsync(new() { Clients = [new("va-client", "va-secret", "ca-acme")] });
        await using var cluster = await KnovvuTestCluster.StartAsync(3, new Dictionary<string, string?>
        {
            // The hourly job every second, so the reminder restarts it quickly on the silo that takes over.
            ["KnovvuAnalytics:Sync:Period"] = "00:00:01",
            ["KnovvuAnalytics:Client:RetryBaseDelay"] = "00:00:00.010",
            // Required by every silo; the tenant's Data Feeder stays off, so nothing is published there.
            ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
        });
        var client = cluster.Client;
        await client.GetGrain<ITenantGrain>("acme").Create("Acme");
        await client.GetGrain<ITenantGrain>("acme").UpdateFeatures(TenantFeatures.Default with { VaToCa = new VaToCaSettings(100_000) });
        var projects = client.GetGrain<IVaProjectsGrain>("acme");
        await projects.AddProject(new VaProjectRegistration("p1", "Sales"));
        await projects.AddChannel("p1", new VaChannelRegistration("web", "Web", "web"));
        var start = new DateTimeOffset(2025, 8, 26, 7, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 400).Select(i => $"k-{i:D3}").ToList();
        await Parallel.ForEachAsync(ids, async (id, _) => await OneMessageSessions.IngestAsync(client, "acme", id, start));

        // Slow chats make the run long enough to be cut in the middle.
        ca.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Path = "api/chats", Delay = TimeSpan.FromMilliseconds(40) });
        var integration = client.GetGrain<ICaIntegrationGrain>("acme");
        await integration.Configure(new CaIntegrationSettings(ca.BaseUrl, ca.TokenEndpoint, "va-client", "va-secret", Enabled: true));
        await projects.SetKnovvuAnalyticsEnabled("p1", true);
        await Eventually.TrueAsync(() => ca.Received.Chats.Count >= 50, "the run under way");

        var owner = await cluster.SiloOfAsync(integration);
        await cluster.KillAsync(owner);
        Assert.True(ca.Received.Chats.Count < ids.Count, "the run ended before the kill");

        await Eventually.TrueAsync(() => ca.Received.Chats.Count == ids.Count, "every session at CA after the failover", TimeSpan.FromSeconds(60));
        Assert.Equal(ids, ca.Received.Chats.Select(c => c.ExternalId).Order());
        await Eventually.TrueAsync(() => integration.GetSyncStatus().Result is { Running: false, SessionsLeftForNextRun: 0, Runs: > 0 },
            "a run on the survivor that found nothing left");
        Assert.NotEqual(owner.SiloAddress, (await cluster.SiloOfAsync(integration)).SiloAddress);
    }
}
