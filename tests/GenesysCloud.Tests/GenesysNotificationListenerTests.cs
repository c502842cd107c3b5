using System.Collections.Concurrent;
using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>The notification listener on the Genesys Cloud simulator's real websocket.</summary>
public sealed class GenesysNotificationListenerTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<CallEnded> _ended = new();
    private GenesysCloudSimulator _genesys = null!;
    private ServiceProvider _services = null!;
    private GenesysConnection _connection = null!;

    private GenesysCloudClient Client => _services.GetRequiredService<GenesysCloudClient>();

    private SimulatedOrg Org => _genesys.Org("org-1");

    public async Task InitializeAsync()
    {
        _genesys = await GenesysCloudSimulator.StartAsync(new()
        {
            Clients = [new("gc-client", "gc-secret", "org-1")],
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        });
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddKnovvuGrainServices();
        _services = services.BuildServiceProvider();
        _connection = new GenesysConnection("acme", _genesys.BaseUrl, _genesys.LoginBaseUrl, "gc-client", "gc-secret");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _genesys.DisposeAsync();
    }

    [Fact]
    public async Task Each_ended_call_of_a_subscribed_agent_is_reported_once_and_others_not_at_all()
    {
        var (agent, other) = (Org.AddUser(), Org.AddUser());
        var channel = await ChannelForAsync(
            GenesysCloudApi.Topics.UserConversations(agent.Id), GenesysCloudApi.Topics.UserConversationCalls(agent.Id));
        using var stop = new CancellationTokenSource();
        var listening = Listen(channel, stop.Token);
        await Eventually.TrueAsync(() => _genesys.Channels.Find(channel.Id)?.IsConnected == true, "the socket connected");

        var calls = Enumerable.Range(0, 5).Select(_ => _genesys.Calls.EndCall(agent.Id)).ToList();
        _genesys.Calls.EndCall(other.Id);

        await Eventually.TrueAsync(() => _ended.Count >= 5, "five ended calls reported");
        await Task.Delay(300);
        await stop.CancelAsync();
        Assert.Equal(ListenerStop.Cancelled, await listening);
        Assert.Equal(calls.Select(c => c.Id).Order(), _ended.Select(e => e.ConversationId).Order());
        Assert.All(_ended, e => Assert.Equal(agent.Id, e.AgentUserId));
    }

    [Fact]
    public async Task A_maintenance_notice_a_dropped_socket_and_silence_each_end_the_listening()
    {
        var agent = Org.AddUser();
        var topic = GenesysCloudApi.Topics.UserConversations(agent.Id);

        var closing = await ChannelForAsync(topic);
        var listening = Listen(closing, default);
        await Eventually.TrueAsync(() => _genesys.Channels.Find(closing.Id)?.IsConnected == true, "connected");
        Assert.True(_genesys.Channels.SocketClosing(closing.Id, TimeSpan.FromSeconds(2)));
        // Calls ending between the notice and the close (2 s: ample even on a busy machine) still reach the listener.
        var duringNotice = _genesys.Calls.EndCall(agent.Id);
        Assert.Equal(ListenerStop.SocketClosing, await listening);
        Assert.Contains(_ended, e => e.ConversationId == duringNotice.Id);

        var dropped = await ChannelForAsync(topic);
        listening = Listen(dropped, default);
        // Calls end until one is heard: the client's handshake is then over (the simulator counts a socket connected
        // before the client has read its answer), so the drop ends a listening socket, not a connect.
        var probes = new List<string>();
        await Eventually.TrueAsync(async () =>
        {
            probes.Add(_genesys.Calls.EndCall(agent.Id).Id);
            await Task.Delay(100);
            return _ended.Any(e => probes.Contains(e.ConversationId));
        }, "a call heard on the new socket");
        Assert.True(_genesys.Channels.DropSocket(dropped.Id));
        Assert.Equal(ListenerStop.Closed, await listening);

        // Heartbeats every 200 ms keep a listener with a 1 s timeout going; one with a 50 ms timeout gives up.
        var quiet = await ChannelForAsync(topic);
        Assert.Equal(ListenerStop.HeartbeatMissed,
            await new GenesysNotificationListener(TimeSpan.FromMilliseconds(50)).ListenAsync(new Uri(quiet.ConnectUri), _ => Task.CompletedTask, default));
    }

    private async Task<NotificationChannel> ChannelForAsync(params string[] topics)
    {
        var channel = await Client.CreateChannelAsync(_connection, default);
        await Client.ReplaceSubscriptionsAsync(_connection, channel.Id, topics, default);
        return channel;
    }

    private Task<ListenerStop> Listen(NotificationChannel channel, CancellationToken cancellationToken) =>
        new GenesysNotificationListener(TimeSpan.FromSeconds(1)).ListenAsync(new Uri(channel.ConnectUri), ended =>
        {
            _ended.Enqueue(ended);
            return Task.CompletedTask;
        }, cancellationToken);
}
