using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Grains.Storage;
using KnovvuOrleans.Grains.Tenants;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.VirtualAgent.Tests.VirtualAgent;

/// <summary>VA → Knovvu Analytics on three silos and real PostgreSQL, with the CA simulator over HTTP.</summary>
public sealed class VaToCaClusterTests
{
    [Fact]
    public async Task A_silo_killed_in_the_middle_of_a_run_still_leaves_each_session_sent_exactly_once()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var ca = await KnovvuAnalyticsSimulator.StartAsync(new() { Clients = [new("va-client", "va-secret", "ca-acme")] });
        await using var cluster = await TestCluster.StartAsync(3, typeof(TenantGrain).Assembly, b => b.UsePostgres(database.ConnectionString),
            services: services =>
            {
                services.AddKnovvuGrainServices();
                services.AddKnovvuPostgresStorage();
                // The hourly job every second, so the reminder restarts it quickly on the silo that takes over.
                services.Configure<CaSyncOptions>(o => o.Period = TimeSpan.FromSeconds(1));
                services.Configure<KnovvuAnalyticsClientOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(10));
            });
        var client = cluster.Silos[0].Client;
        await client.GetGrain<ITenantGrain>("acme").Create("Acme");
        await client.GetGrain<ITenantGrain>("acme").UpdateFeatures(TenantFeatures.Default with { VaToCa = new VaToCaSettings(100_000) });
        var projects = client.GetGrain<IVaProjectsGrain>("acme");
        await projects.AddProject(new VaProjectRegistration("p1", "Sales"));
        await projects.AddChannel("p1", new VaChannelRegistration("web", "Web", "web"));
        var start = new DateTimeOffset(2025, 8, 26, 7, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 400).Select(i => $"k-{i:D3}").ToList();
        await Parallel.ForEachAsync(ids, async (id, _) => await client.GetGrain<IConversationGrain>(ConversationKey.For("acme", id))
            .IngestVaSession(new VaSession
            {
                ExternalId = id,
                Status = VaSessionStatus.Published,
                ProjectId = "p1",
                ChannelId = "web",
                StartTime = start,
                EndTime = start.AddSeconds(5),
                Messages = [new VaMessage(start, "Merhaba", VaMessage.AgentSide)],
            }, isCall: false));

        // Slow chats make the run long enough to be cut in the middle.
        ca.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Path = "api/chats", Delay = TimeSpan.FromMilliseconds(40) });
        await client.GetGrain<ICaIntegrationGrain>("acme")
            .Configure(new CaIntegrationSettings(ca.BaseUrl, ca.TokenEndpoint, "va-client", "va-secret", Enabled: true));
        await projects.SetKnovvuAnalyticsEnabled("p1", true);
        await Eventually.TrueAsync(() => ca.Received.Chats.Count >= 50, "the run under way");

        var owner = cluster.OwnerOf(new GrainId("ca-integration", "acme"));
        owner.Kill();
        Assert.True(ca.Received.Chats.Count < ids.Count, "the run ended before the kill");

        await Eventually.TrueAsync(() => ca.Received.Chats.Count == ids.Count, "every session at CA after the failover", TimeSpan.FromSeconds(60));
        Assert.Equal(ids, ca.Received.Chats.Select(c => c.ExternalId).Order());
        var survivor = cluster.Silos.First(s => s != owner).Client.GetGrain<ICaIntegrationGrain>("acme");
        await Eventually.TrueAsync(() => survivor.GetSyncStatus().Result is { Running: false, SessionsLeftForNextRun: 0, Runs: > 0 },
            "a run on the survivor that found nothing left");
    }
}
