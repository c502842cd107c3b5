using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.GenesysCloud;
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

        using var closes = new CancellationTokenSource();
        var ending = EndCallsAsync(harness.Genesys, agents, closes.Token);
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
        await closes.CancelAsync();
        await ending;

        // A drop resets the connection, which throws away what the client has not read yet (the simulator counts it
        // delivered; a real network failure loses it alike): the drop waits until the listener has caught up, and
        // calls go on ending from the moment of the drop.
        var deliveredSoFar = harness.Genesys.Notifications.Delivered.Select(n => n.ConversationId).ToHashSet();
        await Eventually.TrueAsync(async () => deliveredSoFar.IsSubsetOf((await harness.ImportedAsync()).Keys), "the events delivered so far imported");
        var current = harness.Genesys.Channels.All.Single(c => c.IsConnected);
        Assert.True(harness.Genesys.Channels.DropSocket(current.Id));
        using var drop = new CancellationTokenSource();
        ending = EndCallsAsync(harness.Genesys, agents, drop.Token);
        await Eventually.TrueAsync(() => harness.Genesys.Channels.Find(current.Id)?.Connections > 1, "the same channel reconnected");
        await Task.Delay(300);
        await drop.CancelAsync();
        await ending;

        var delivered = harness.Genesys.Notifications.Delivered.Select(n => n.ConversationId).ToHashSet();
        await Eventually.TrueAsync(async () => delivered.IsSubsetOf((await harness.ImportedAsync()).Keys), "every delivered event imported");
        await Eventually.TrueAsync(async () => await harness.PendingStreamEventsAsync() == 0, "the calls stream handled");
        var status = (await harness.Integration.GetStatus())!.Channels.Single();
        Assert.True(status.Reconnects >= 3, $"{status.Reconnects} reconnects");
        Assert.True(delivered.Count > 20, $"only {delivered.Count} events delivered");
        // Every call the channel put on the calls stream was imported, and none was put there twice. (It may report
        // more calls than the simulator counts delivered: a write the simulator saw fail can still have reached it.)
        var imported = await harness.ImportedAsync();
        Assert.Equal(imported.Count, status.CallsEnded);
        Assert.All(imported.Values, rows => Assert.Equal(1, rows));
        // What Genesys never wrote to a socket (no channel, no socket, a socket going away mid-write) is lost on its
        // side: the reconciliation imports those (GenesysReconciliationTests).
        Assert.Equal(harness.Genesys.Calls.All.Select(c => c.Id).Order(), delivered.Union(harness.Genesys.Notifications.Lost.Select(n => n.ConversationId)).Order());
    }

    [Fact]
    public async Task On_socket_closing_the_next_channel_listens_before_the_old_socket_closes_so_no_event_falls_in_between()
    {
        await using var harness = await GenesysIntegrationHarness.StartAsync();
        var agent = harness.Org.AddUser();
        await harness.InstallAsync(harness.Org.AddGroup("Agents", [agent]));
        await harness.ListeningAsync(1);
        var old = harness.Genesys.Channels.All.Single();
        // Opening a channel takes Genesys a moment: a listener that waits for the close is deaf that long.
        harness.Genesys.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Path = GenesysCloudApi.ChannelsPath, Delay = TimeSpan.FromSeconds(1) });

        Assert.True(harness.Genesys.Channels.SocketClosing(old.Id, TimeSpan.FromSeconds(4)));
        var duringNotice = harness.Genesys.Calls.EndCall(agent.Id);
        await Eventually.TrueAsync(() => harness.Genesys.Channels.All.Count(c => c.IsConnected) == 2, "the next channel connected while the old socket still is");
        await Eventually.TrueAsync(() => harness.Genesys.Channels.Find(old.Id)?.IsConnected != true, "the old socket closed", TimeSpan.FromSeconds(10));
        var afterClose = harness.Genesys.Calls.EndCall(agent.Id);

        // No reconciliation runs: both came over a socket.
        await Eventually.TrueAsync(async () => (await harness.ImportedAsync()).Count == 2, "both calls imported");
        var imported = await harness.ImportedAsync();
        Assert.Equal(new[] { duringNotice.Id, afterClose.Id }.Order(StringComparer.Ordinal), imported.Keys.Order(StringComparer.Ordinal));
        Assert.All(imported.Values, rows => Assert.Equal(1, rows));
        Assert.Contains(harness.Genesys.Notifications.Delivered, n => n.ConversationId == afterClose.Id);
        var status = (await harness.Integration.GetStatus())!.Channels.Single();
        Assert.Equal(2, status.CallsEnded);
        Assert.NotEqual(old.Id, status.ChannelId);
        // The old channel's topics were dropped once its socket closed.
        await Eventually.TrueAsync(() => harness.Genesys.Channels.Find(old.Id) is not { Topics.Count: > 0 }, "the old channel unsubscribed");
    }

    /// <summary>Ends a call of the agents in turn every 25 ms until cancelled.</summary>
    private static Task EndCallsAsync(GenesysCloudSimulator genesys, IReadOnlyList<SimulatedUser> agents, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
            {
                genesys.Calls.EndCall(agents[i % agents.Count].Id);
                await Task.Delay(25, CancellationToken.None);
            }
        }, CancellationToken.None);
}
