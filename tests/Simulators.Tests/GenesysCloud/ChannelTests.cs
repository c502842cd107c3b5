using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>Notification channels and their subscriptions: lifetime, 404 once gone, the topic and channel limits.</summary>
public sealed class ChannelTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-08-26T07:00:00Z");

    [Fact]
    public async Task A_channel_lives_24_hours_then_HEAD_and_subscriptions_answer_404()
    {
        var clock = new ManualClock(Start);
        await using var genesys = await GenesysHarness.StartAsync(o => o.TimeProvider = clock);
        var token = await genesys.TokenAsync();

        var channel = await genesys.CreateChannelAsync(token);
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(1));
        var beforeExpiry = await genesys.HeadChannelAsync(token, channel.Id);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        token = await genesys.TokenAsync();  // the old one expired with the channel: both live a day
        var atExpiry = await genesys.HeadChannelAsync(token, channel.Id);
        using var subscriptions = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Subscriptions(channel.Id), token);

        Assert.Equal(Start + TimeSpan.FromHours(24), channel.Expires);
        Assert.StartsWith($"ws://127.0.0.1:{genesys.Simulator.BaseUrl.Port}/streaming/channels/", channel.ConnectUri);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (beforeExpiry, atExpiry));
        Assert.Equal(HttpStatusCode.NotFound, subscriptions.StatusCode);
        Assert.Empty(genesys.Simulator.Channels.All);
    }

    [Fact]
    public async Task Subscribing_again_extends_the_channel_by_24_hours()
    {
        var clock = new ManualClock(Start);
        await using var genesys = await GenesysHarness.StartAsync(o => o.TimeProvider = clock);
        var agent = genesys.Org.AddUser();
        var token = await genesys.TokenAsync();
        var channel = await genesys.CreateChannelAsync(token);

        clock.Advance(TimeSpan.FromHours(23));
        using var resubscribed = await genesys.SubscribeAsync(token, channel.Id, [GenesysCloudApi.Topics.UserConversations(agent.Id)]);
        clock.Advance(TimeSpan.FromHours(2));
        token = await genesys.TokenAsync();

        Assert.Equal(HttpStatusCode.OK, resubscribed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await genesys.HeadChannelAsync(token, channel.Id));
        Assert.Equal(Start + TimeSpan.FromHours(47), genesys.Simulator.Channels.Find(channel.Id)!.Expires);
    }

    [Fact]
    public async Task A_channel_takes_1000_topics_and_refuses_one_more_without_changing()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agents = genesys.Org.AddUsers(1001);
        var token = await genesys.TokenAsync();
        var channel = await genesys.CreateChannelAsync(token);
        var topics = agents.Select(a => GenesysCloudApi.Topics.UserConversations(a.Id)).ToArray();

        using var thousand = await genesys.SubscribeAsync(token, channel.Id, topics[..1000], replace: true);
        using var oneMore = await genesys.SubscribeAsync(token, channel.Id, topics[1000..]);
        using var replaceWithTooMany = await genesys.SubscribeAsync(token, channel.Id, topics, replace: true);
        var listed = await genesys.GetAsync<ChannelTopicEntityListing>(GenesysCloudApi.Subscriptions(channel.Id), token);

        Assert.Equal(HttpStatusCode.OK, thousand.StatusCode);
        Assert.Equal(1000, (await thousand.Content.ReadFromJsonAsync<ChannelTopicEntityListing>())!.Entities.Count);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (oneMore.StatusCode, replaceWithTooMany.StatusCode));
        var error = await GenesysHarness.ErrorOf(oneMore);
        Assert.Equal((400, GenesysCloudApi.ErrorCodes.BadRequest), (error.Status, error.Code));
        Assert.Equal(topics[..1000].Order(StringComparer.Ordinal), listed.Entities.Select(t => t.Id));
    }

    [Fact]
    public async Task Topics_the_simulator_does_not_know_or_of_another_org_are_rejected()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agent = genesys.Org.AddUser();
        var stranger = genesys.Simulator.Org(GenesysHarness.OrgB).AddUser();
        var token = await genesys.TokenAsync();
        var channel = await genesys.CreateChannelAsync(token);
        string[] topics =
        [
            GenesysCloudApi.Topics.UserConversationCalls(agent.Id),
            $"v2.users.{agent.Id}.presence",
            GenesysCloudApi.Topics.UserConversations(stranger.Id),
        ];

        using var response = await genesys.SubscribeAsync(token, channel.Id, topics);
        var answer = (await response.Content.ReadFromJsonAsync<ChannelTopicEntityListing>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [(topics[0], GenesysCloudApi.TopicStates.Permitted), (topics[1], GenesysCloudApi.TopicStates.Rejected), (topics[2], GenesysCloudApi.TopicStates.Rejected)],
            answer.Entities.Select(t => (t.Id, t.State!)));
        Assert.All(answer.Entities.Skip(1), t => Assert.NotNull(t.RejectionReason));
        Assert.Equal([topics[0]], genesys.Simulator.Channels.Find(channel.Id)!.Topics);
        Assert.Equal([channel.Id], genesys.Simulator.Channels.WithTopic(topics[0]).Select(c => c.Id));
    }

    [Fact]
    public async Task Delete_removes_every_topic()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var token = await genesys.TokenAsync();
        var channel = await genesys.SubscribedChannelAsync(token, genesys.Org.AddUser(), genesys.Org.AddUser());

        using var deleted = await genesys.SendAsync(HttpMethod.Delete, GenesysCloudApi.Subscriptions(channel.Id), token);
        var listed = await genesys.GetAsync<ChannelTopicEntityListing>(GenesysCloudApi.Subscriptions(channel.Id), token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(listed.Entities);
    }

    [Fact]
    public async Task A_malformed_subscription_body_is_a_400_in_Genesys_shape()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var token = await genesys.TokenAsync();
        var channel = await genesys.CreateChannelAsync(token);

        using var response = await genesys.SendAsync(HttpMethod.Post, GenesysCloudApi.Subscriptions(channel.Id), token, new[] { new { topic = "v2.users.x.conversations" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GenesysCloudApi.ErrorCodes.BadRequest, (await GenesysHarness.ErrorOf(response)).Code);
    }

    [Fact]
    public async Task The_21st_channel_removes_the_least_recently_used_unconnected_one()
    {
        var clock = new ManualClock(Start);
        await using var genesys = await GenesysHarness.StartAsync(o => o.TimeProvider = clock);
        var token = await genesys.TokenAsync();
        var channels = new List<NotificationChannel>();
        for (var i = 0; i < 20; i++)
        {
            channels.Add(await genesys.CreateChannelAsync(token));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await using var socket = await ChannelSocket.ConnectAsync(channels[0]);
        await genesys.WaitConnectedAsync(channels[0].Id);
        var otherClients = await genesys.CreateChannelAsync(await genesys.TokenAsync(GenesysHarness.ClientB, GenesysHarness.SecretB));
        var twentyFirst = await genesys.CreateChannelAsync(token);

        Assert.Equal(HttpStatusCode.OK, await genesys.HeadChannelAsync(token, channels[0].Id));
        Assert.Equal(HttpStatusCode.NotFound, await genesys.HeadChannelAsync(token, channels[1].Id));
        Assert.Equal(HttpStatusCode.OK, await genesys.HeadChannelAsync(token, twentyFirst.Id));
        Assert.Equal(20, genesys.Simulator.Channels.All.Count(c => c.ClientId == GenesysHarness.ClientA));
        Assert.NotNull(genesys.Simulator.Channels.Find(otherClients.Id));
    }

    [Fact]
    public async Task Another_client_cannot_see_a_channel()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var channel = await genesys.CreateChannelAsync(await genesys.TokenAsync());
        var otherToken = await genesys.TokenAsync(GenesysHarness.ClientB, GenesysHarness.SecretB);

        using var subscriptions = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Subscriptions(channel.Id), otherToken);

        Assert.Equal(HttpStatusCode.NotFound, await genesys.HeadChannelAsync(otherToken, channel.Id));
        Assert.Equal(HttpStatusCode.NotFound, subscriptions.StatusCode);
    }

    [Fact]
    public async Task The_connect_URI_of_a_gone_channel_is_refused()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var channel = await genesys.CreateChannelAsync(await genesys.TokenAsync());

        Assert.True(genesys.Simulator.Channels.ExpireChannel(channel.Id));

        await Assert.ThrowsAsync<WebSocketException>(() => ChannelSocket.ConnectAsync(channel));
        await genesys.WaitLoggedAsync(3);
        Assert.Contains(genesys.Simulator.Requests.Entries, e => e.Path == GenesysCloudSimulatorEndpoints.StreamingPath && e.StatusCode == 404);
    }
}
