using KnovvuOrleans.Testing;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>Channel expiry (then 404), socket_closing and a dropped socket while calls keep ending: no delivered event is lost.</summary>
public sealed class GenesysChannelRecoveryTests
{
    [Fact]
    public async Task Every_event_the_simulator_delivered_is_imported_through_expiry_404_socket_closing_and_a_drop()
    {
        await using var harness = await GenesysIntegrationHarness.StartAsync();
        var agents = harness.Org.AddUsers(4);
        await harness.InstallAsync(harness.Org.AddGroup("Agents", agents));
        await harness.ListeningAsync(1);

        using var stop = new CancellationTokenSource();
        var ending = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                harness.Genesys.Calls.EndCall(agents[i % agents.Count].Id);
                await Task.Delay(25);
            }
        });

        var channel = harness.Genesys.Channels.All.Single();
        await Task.Delay(300);
        Assert.True(harness.Genesys.Channels.ExpireChannel(channel.Id));
        await harness.ListeningAsync(1);
        var afterExpiry = harness.Genesys.Channels.All.Single(c => c.IsConnected);
        Assert.NotEqual(channel.Id, afterExpiry.Id);

        await Task.Delay(300);
        Assert.True(harness.Genesys.Channels.SocketClosing(afterExpiry.Id, TimeSpan.FromMilliseconds(200)));
        await Eventually.TrueAsync(() => harness.Genesys.Channels.All.Any(c => c.IsConnected && c.Id != afterExpiry.Id), "moved to a new channel");

        await Task.Delay(300);
        var current = harness.Genesys.Channels.All.Single(c => c.IsConnected);
        Assert.True(harness.Genesys.Channels.DropSocket(current.Id));
        await Eventually.TrueAsync(() => harness.Genesys.Channels.Find(current.Id)?.Connections > 1, "the same channel reconnected");
        await Task.Delay(300);
        await stop.CancelAsync();
        await ending;

        var delivered = harness.Genesys.Notifications.Delivered.Select(n => n.ConversationId).ToList();
        await Eventually.TrueAsync(async () => delivered.ToHashSet().IsSubsetOf((await harness.ImportedAsync()).Keys), "every delivered event imported");
        var status = (await harness.Integration.GetStatus())!.Channels.Single();
        Assert.True(status.Reconnects >= 3, $"{status.Reconnects} reconnects");
        Assert.True(delivered.Count > 20, $"only {delivered.Count} events delivered");
        // One activation listened throughout: each delivered event went on the calls stream once, none twice.
        Assert.Equal(delivered.Count, status.CallsEnded);
        Assert.All((await harness.ImportedAsync()).Values, rows => Assert.Equal(1, rows));
        // What Genesys never wrote to a socket (no channel, no socket, a socket going away mid-write) is lost on its
        // side: the reconciliation imports those (GenesysReconciliationTests).
        Assert.Equal(harness.Genesys.Calls.All.Select(c => c.Id).Order(), delivered.Union(harness.Genesys.Notifications.Lost.Select(n => n.ConversationId)).Order());
    }
}
