using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.Storage;
using KnovvuOrleans.Grains.Tenants;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>A Genesys channel's listener on three silos and real PostgreSQL, against the simulator's websocket.</summary>
public sealed class GenesysChannelClusterTests
{
    [Fact]
    public async Task The_listener_runs_on_one_silo_and_on_another_within_10_s_of_its_owner_being_killed()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var genesys = await GenesysCloudSimulator.StartAsync(new()
        {
            Clients = [new("gc-client", "gc-secret", "org-1")],
            HeartbeatInterval = TimeSpan.FromMilliseconds(300),
        });
        var calls = new RecordedCalls();
        await using var cluster = await TestCluster.StartAsync(3, typeof(TenantGrain).Assembly,
            b => b.UsePostgres(database.ConnectionString).AddGrains(typeof(CallRecorderGrain).Assembly),
            services: services =>
            {
                services.AddKnovvuGrainServices();
                services.AddKnovvuPostgresStorage();
                services.AddSingleton(calls);
                services.Configure<GenesysListenerOptions>(o => o.HeartbeatTimeout = TimeSpan.FromSeconds(2));
                services.Configure<GenesysCloudClientOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(10));
            });
        var agents = genesys.Org("org-1").AddUsers(3);
        var channelGrain = cluster.Silos[0].Client.GetGrain<IGenesysChannelGrain>("acme/0");
        await channelGrain.Assign(new GenesysChannelAssignment(
            genesys.BaseUrl, genesys.LoginBaseUrl, "gc-client", "gc-secret", agents.Select(a => a.Id).ToList()));
        await Eventually.TrueAsync(() => genesys.Channels.All.Any(c => c.IsConnected), "the listener connected");

        var before = genesys.Calls.EndCall(agents[0].Id);
        await Eventually.TrueAsync(() => calls.All.Any(c => c.ConversationId == before.Id), "the first call on the stream");

        cluster.OwnerOf(new GrainId("genesys-channel", "acme/0")).Kill();

        // Calls keep ending; the first one made after the kill that reaches the stream shows the listener is back.
        // The 10 s bound is the failover requirement (leases are 2 s in tests).
        var after = new List<string>();
        await Eventually.TrueAsync(() =>
        {
            after.Add(genesys.Calls.EndCall(agents[1].Id).Id);
            Thread.Sleep(200);
            return calls.All.Any(c => after.Contains(c.ConversationId));
        }, "a call ended after the kill reaching the stream", TimeSpan.FromSeconds(10));

        Assert.Single(genesys.Channels.All, c => c.IsConnected);
        // The stream may deliver again what was in flight when the silo died, always under the same event id.
        Assert.Single(calls.EventIdsOf(before.Id));
        Assert.True((await cluster.Silos[0].Client.GetGrain<IGenesysChannelGrain>("acme/0").GetStatus()).Listening);
    }
}
