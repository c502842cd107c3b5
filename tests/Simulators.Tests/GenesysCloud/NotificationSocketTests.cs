using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>
/// A channel's websocket: heartbeats, ping, call-ended events for subscribed topics only, one socket per channel,
/// nothing kept while no socket is connected, and the ways a socket ends (dropped, maintenance, expiry).
/// </summary>
public sealed class NotificationSocketTests
{
    [Fact]
    public async Task Heartbeats_arrive_on_a_connected_socket()
    {
        await using var genesys = await GenesysHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(100));
        var (_, socket) = await genesys.ListenAsync(await genesys.TokenAsync());
        await using var _ = socket;

        var first = await socket.ReceiveAsync();
        var second = await socket.ReceiveAsync();

        Assert.All([first, second], m => Assert.True(ChannelSocket.IsHeartbeat(m!)));
        Assert.Null(first!.Metadata);
    }

    [Fact]
    public async Task A_ping_is_answered_with_pong()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var (_, socket) = await genesys.ListenAsync(await genesys.TokenAsync());
        await using var _ = socket;

        await socket.SendAsync("""{"message":"ping"}""");
        var pong = await socket.ReceiveSkippingHeartbeatsAsync();

        Assert.Equal(GenesysCloudApi.Topics.ChannelMetadata, pong!.TopicName);
        Assert.Equal(GenesysCloudApi.SystemMessages.Pong, pong.EventBody.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_call_ended_event_reaches_the_socket_subscribed_to_the_agent_and_no_other()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var (alice, bob) = (genesys.Org.AddUser(), genesys.Org.AddUser());
        var token = await genesys.TokenAsync();
        var (aliceChannel, aliceSocket) = await genesys.ListenAsync(token, alice);
        var (bobChannel, bobSocket) = await genesys.ListenAsync(token, bob);
        await using var _ = aliceSocket;
        await using var __ = bobSocket;

        var aliceCall = genesys.Simulator.Calls.EndCall(alice.Id, new CallOptions { QueueId = "queue-1", WrapUpCode = "sale" });
        var bobCall = genesys.Simulator.Calls.EndCall(bob.Id);
        var toAlice = await aliceSocket.ReceiveSkippingHeartbeatsAsync();
        var toBob = await bobSocket.ReceiveSkippingHeartbeatsAsync();

        Assert.Equal(GenesysCloudApi.Topics.UserConversations(alice.Id), toAlice!.TopicName);
        Assert.Equal("2", toAlice.Version);
        Assert.False(string.IsNullOrEmpty(toAlice.Metadata!.CorrelationId));
        var body = toAlice.EventBody.Deserialize<ConversationEventBody>()!;
        Assert.Equal(aliceCall.Id, body.Id);
        var agent = Assert.Single(body.Participants, p => p.Purpose == GenesysCloudApi.Purposes.Agent);
        Assert.Equal((alice.Id, GenesysCloudApi.ParticipantStates.Disconnected, aliceCall.End), (agent.UserId, agent.State, agent.EndTime));
        Assert.Equal(("queue-1", "sale"), (agent.QueueId, agent.Wrapup!.Code));
        Assert.Equal(bobCall.Id, toBob!.EventBody.Deserialize<ConversationEventBody>()!.Id);
        // The simulator logs a delivery once its send completed, which may be just after the client read it.
        await Eventually.TrueAsync(() => genesys.Simulator.Notifications.Delivered.Count == 2, "both deliveries are logged");
        Assert.Equal(
            new HashSet<(string, string?)> { (aliceCall.Id, aliceChannel.Id), (bobCall.Id, bobChannel.Id) },
            genesys.Simulator.Notifications.Delivered.Select(n => (n.ConversationId, n.ChannelId)).ToHashSet());
        Assert.Empty(genesys.Simulator.Notifications.Lost);
    }

    [Fact]
    public async Task The_calls_topic_gets_the_event_too()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agent = genesys.Org.AddUser();
        var token = await genesys.TokenAsync();
        var channel = await genesys.CreateChannelAsync(token);
        (await genesys.SubscribeAsync(token, channel.Id, [GenesysCloudApi.Topics.UserConversationCalls(agent.Id)])).Dispose();
        await using var socket = await ChannelSocket.ConnectAsync(channel);
        await genesys.WaitConnectedAsync(channel.Id);

        var call = genesys.Simulator.Calls.EndCall(agent.Id);
        var message = await socket.ReceiveSkippingHeartbeatsAsync();

        Assert.Equal(GenesysCloudApi.Topics.UserConversationCalls(agent.Id), message!.TopicName);
        Assert.Equal(call.Id, message.EventBody.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_second_socket_on_a_channel_drops_the_first()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agent = genesys.Org.AddUser();
        var (channel, first) = await genesys.ListenAsync(await genesys.TokenAsync(), agent);
        await using var _ = first;

        await using var second = await ChannelSocket.ConnectAsync(channel);
        await genesys.WaitConnectedAsync(channel.Id, connections: 2);
        var firstGot = await first.ReadToEndAsync();
        var call = genesys.Simulator.Calls.EndCall(agent.Id);
        var secondGot = await second.ReceiveSkippingHeartbeatsAsync();

        Assert.Empty(firstGot);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, first.CloseStatus);
        Assert.Equal(call.Id, secondGot!.EventBody.GetProperty("id").GetString());
        Assert.Equal(2, genesys.Simulator.Channels.Find(channel.Id)!.Connections);
    }

    [Fact]
    public async Task Events_while_no_socket_is_connected_are_lost_and_counted()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var (member, outsider) = (genesys.Org.AddUser(), genesys.Org.AddUser());
        var token = await genesys.TokenAsync();
        var channel = await genesys.SubscribedChannelAsync(token, member);

        var whileDown = new[] { genesys.Simulator.Calls.EndCall(member.Id), genesys.Simulator.Calls.EndCall(member.Id) };
        var unsubscribed = genesys.Simulator.Calls.EndCall(outsider.Id);
        await using var socket = await ChannelSocket.ConnectAsync(channel);
        await genesys.WaitConnectedAsync(channel.Id);
        var afterReconnect = genesys.Simulator.Calls.EndCall(member.Id);
        var received = await socket.ReceiveSkippingHeartbeatsAsync();

        Assert.Equal(afterReconnect.Id, received!.EventBody.GetProperty("id").GetString());
        var lost = genesys.Simulator.Notifications.Lost;
        Assert.Equal(whileDown.Select(c => (c.Id, (NotificationLoss?)NotificationLoss.NotConnected, (string?)channel.Id)), lost.Take(2).Select(n => (n.ConversationId, n.Loss, n.ChannelId)));
        Assert.Equal((unsubscribed.Id, NotificationLoss.NoSubscriber, null), (lost[2].ConversationId, lost[2].Loss!.Value, lost[2].ChannelId));
        Assert.Equal(3, genesys.Simulator.State.Counts().EventsLost);
        Assert.Equal(4, genesys.Org.Conversations.Count);
    }

    [Fact]
    public async Task A_call_without_an_event_is_only_in_analytics()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agent = genesys.Org.AddUser();
        var (_, socket) = await genesys.ListenAsync(await genesys.TokenAsync(), agent);
        await using var _ = socket;

        var silent = genesys.Simulator.Calls.EndCallWithoutEvent(agent.Id);
        var announced = genesys.Simulator.Calls.EndCall(agent.Id);
        var received = await socket.ReceiveSkippingHeartbeatsAsync();

        Assert.False(silent.EventPublished);
        Assert.Equal(announced.Id, received!.EventBody.GetProperty("id").GetString());
        Assert.DoesNotContain(genesys.Simulator.Notifications.Delivered.Concat(genesys.Simulator.Notifications.Lost), n => n.ConversationId == silent.Id);
        Assert.NotNull(genesys.Org.FindConversation(silent.Id));
    }

    [Fact]
    public async Task A_dropped_socket_ends_without_a_close_and_the_channel_stays()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agent = genesys.Org.AddUser();
        var token = await genesys.TokenAsync();
        var (channel, socket) = await genesys.ListenAsync(token, agent);
        await using var _ = socket;

        Assert.True(genesys.Simulator.Channels.DropSocket(channel.Id));
        var got = await socket.ReadToEndAsync();
        await Eventually.TrueAsync(() => !genesys.Simulator.Channels.Find(channel.Id)!.IsConnected, "the simulator let go of the socket");
        var lostCall = genesys.Simulator.Calls.EndCall(agent.Id);
        await using var again = await ChannelSocket.ConnectAsync(channel);
        await genesys.WaitConnectedAsync(channel.Id, connections: 2);
        var laterCall = genesys.Simulator.Calls.EndCall(agent.Id);

        Assert.Empty(got);
        Assert.True(socket.Cut);
        Assert.Null(socket.CloseStatus);
        Assert.Equal(HttpStatusCode.OK, await genesys.HeadChannelAsync(token, channel.Id));
        Assert.Equal(lostCall.Id, Assert.Single(genesys.Simulator.Notifications.Lost).ConversationId);
        Assert.Equal(laterCall.Id, (await again.ReceiveSkippingHeartbeatsAsync())!.EventBody.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Socket_closing_warns_then_closes_the_socket_and_the_channel_stays()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var token = await genesys.TokenAsync();
        var (channel, socket) = await genesys.ListenAsync(token, genesys.Org.AddUser());
        await using var _ = socket;

        Assert.True(genesys.Simulator.Channels.SocketClosing(channel.Id, closeAfter: TimeSpan.FromMilliseconds(200)));
        var got = await socket.ReadToEndAsync();

        var warning = Assert.Single(got);
        Assert.Equal(GenesysCloudApi.Topics.SocketClosing, warning.TopicName);
        Assert.False(string.IsNullOrEmpty(warning.EventBody.GetProperty("message").GetString()));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Equal(HttpStatusCode.OK, await genesys.HeadChannelAsync(token, channel.Id));
    }

    [Fact]
    public async Task An_expired_channel_closes_its_socket_and_is_gone()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-08-26T07:00:00Z"));
        await using var genesys = await GenesysHarness.StartAsync(o => (o.TimeProvider, o.HeartbeatInterval) = (clock, TimeSpan.FromMilliseconds(100)));
        var token = await genesys.TokenAsync();
        var (channel, socket) = await genesys.ListenAsync(token, genesys.Org.AddUser());
        await using var _ = socket;

        clock.Advance(TimeSpan.FromHours(24));
        var got = await socket.ReadToEndAsync();

        Assert.Empty(got);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Equal(HttpStatusCode.NotFound, await genesys.HeadChannelAsync(await genesys.TokenAsync(), channel.Id));
    }

    [Fact]
    public async Task Expiring_a_channel_by_hand_closes_its_socket_and_makes_it_404()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var token = await genesys.TokenAsync();
        var (channel, socket) = await genesys.ListenAsync(token, genesys.Org.AddUser());
        await using var _ = socket;

        Assert.True(genesys.Simulator.Channels.ExpireChannel(channel.Id));
        var got = await socket.ReadToEndAsync();

        Assert.Empty(got);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Equal(HttpStatusCode.NotFound, await genesys.HeadChannelAsync(token, channel.Id));
        Assert.False(genesys.Simulator.Channels.DropSocket(channel.Id));
    }

    [Fact]
    public async Task Stopping_the_simulator_cuts_its_sockets()
    {
        var genesys = await GenesysHarness.StartAsync();
        var (_, socket) = await genesys.ListenAsync(await genesys.TokenAsync());
        await using var _ = socket;

        await genesys.DisposeAsync();
        var got = await socket.ReadToEndAsync();

        Assert.Empty(got);
        Assert.True(socket.Cut);
    }
}
