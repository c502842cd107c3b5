using System.Diagnostics;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Testing;
using Xunit.Abstractions;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>A Genesys channel's listener on three silos and real PostgreSQL, against the simulator's websocket.</summary>
public sealed class GenesysChannelClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_listener_runs_on_one_silo_and_on_another_within_10_s_of_its_silo_being_killed()
    {
        await using var harness = await GenesysIntegrationHarness.StartAsync(silos: 3);
        var agents = harness.Org.AddUsers(3);
        await harness.InstallAsync(harness.Org.AddGroup("Agents", agents));
        await harness.ListeningAsync(1);
        var channel = harness.Cluster.Client.GetGrain<IGenesysChannelGrain>(GenesysChannelKey.For(GenesysIntegrationHarness.Tenant, 0));

        var before = harness.Genesys.Calls.EndCall(agents[0].Id);
        await Eventually.TrueAsync(async () => (await harness.ImportedAsync()).ContainsKey(before.Id), "the first call imported");
        Assert.Single(harness.Genesys.Channels.All, c => c.IsConnected);

        var owner = await harness.Cluster.SiloOfAsync(channel);
        var connections = harness.Genesys.Channels.All.Sum(c => c.Connections);
        var membership = harness.Cluster.Client.GetGrain<IManagementGrain>(0);
        var sinceKill = Stopwatch.StartNew();
        await harness.Cluster.KillAsync(owner);

        // Nothing here calls the channel grain until it is back: only its keep-alive reminder may bring it back.
        // Calls keep ending; the first one made after the kill that is imported shows the listener is back. The
        // 10 s bound is the failover requirement (keep-alive every 1 s in tests). Along the way: when
        // Orleans declared the silo dead and when the socket was connected again, to see where the time goes.
        var after = new List<string>();
        TimeSpan? declaredDead = null, reconnected = null;
        await Eventually.TrueAsync(async () =>
        {
            after.Add(harness.Genesys.Calls.EndCall(agents[1].Id).Id);
            await Task.Delay(200);
            declaredDead ??= (await membership.GetHosts()).GetValueOrDefault(owner.SiloAddress) == SiloStatus.Dead ? sinceKill.Elapsed : null;
            reconnected ??= harness.Genesys.Channels.All.Any(c => c.IsConnected) && harness.Genesys.Channels.All.Sum(c => c.Connections) > connections
                ? sinceKill.Elapsed : null;
            return (await harness.ImportedAsync()).Keys.Any(after.Contains);
        }, "a call ended after the kill imported", TimeSpan.FromSeconds(10));
        output.WriteLine($"After the kill: silo declared dead {declaredDead?.TotalSeconds:F1} s, socket connected again {reconnected?.TotalSeconds:F1} s, "
                         + $"a call ended after the kill imported {sinceKill.Elapsed.TotalSeconds:F1} s");

        Assert.Single(harness.Genesys.Channels.All, c => c.IsConnected);
        Assert.NotEqual(owner, await harness.Cluster.SiloOfAsync(channel));
        Assert.True((await channel.GetStatus()).Listening);
        // The call ended before the kill was imported once, however its event was redelivered.
        Assert.Equal(1, (await harness.ImportedAsync())[before.Id]);
        Assert.All(before.Recordings, r => Assert.Equal(1, harness.Downloads(r)));
    }
}
