using System.Net;
using System.Net.WebSockets;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>Injected faults with Genesys' error bodies: 429 with Retry-After, 5xx, and faults on connect and media URIs.</summary>
public sealed class GenesysFaultTests
{
    [Fact]
    public async Task A_429_carries_Retry_After_and_the_Genesys_code()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var group = genesys.Org.AddGroup("Knovvu", genesys.Org.AddUsers(3));
        var token = await genesys.TokenAsync();
        genesys.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Path = GenesysCloudApi.GroupMembersPath, RetryAfter = TimeSpan.FromSeconds(3), Count = 1 });

        using var throttled = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.GroupMembers(group.Id, 25, 1), token);
        using var next = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.GroupMembers(group.Id, 25, 1), token);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
        var error = await GenesysHarness.ErrorOf(throttled);
        Assert.Equal((429, GenesysCloudApi.ErrorCodes.TooManyRequests), (error.Status, error.Code));
        Assert.Contains("[3]", error.Message);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        await genesys.WaitLoggedAsync(3);
        var logged = genesys.Simulator.Requests.Entries.Single(e => e.StatusCode == 429);
        Assert.Equal((GenesysHarness.ClientA, $"{group.Id} page 1", TimeSpan.FromSeconds(3)), (logged.ClientId, logged.Key, logged.RetryAfter!.Value));
    }

    [Fact]
    public async Task Throttle_follow_ups_tell_whether_a_client_waited_its_Retry_After()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-08-26T07:00:00Z"));
        await using var genesys = await GenesysHarness.StartAsync(o => o.TimeProvider = clock);
        var call = genesys.Simulator.Calls.EndCall(genesys.Org.AddUser().Id);
        var token = await genesys.TokenAsync();
        var throttleOnce = new FaultRule { Kind = FaultKind.TooManyRequests, RetryAfter = TimeSpan.FromSeconds(5), Count = 1 };

        genesys.Simulator.Faults.Add(throttleOnce);
        (await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.ConversationDetails(call.Id), token)).Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        (await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.ConversationDetails(call.Id), token)).Dispose();
        genesys.Simulator.Faults.Add(throttleOnce);
        (await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Recordings(call.Id), token)).Dispose();
        clock.Advance(TimeSpan.FromSeconds(4));
        (await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Recordings(call.Id), token)).Dispose();
        await genesys.WaitLoggedAsync(5);

        var throttles = genesys.Simulator.Requests.Throttles();
        Assert.Equal([GenesysCloudApi.ConversationDetailsPath, GenesysCloudApi.RecordingsPath], throttles.Select(t => t.Throttled.Path));
        Assert.Equal([true, false], throttles.Select(t => t.RetryAfterRespected));
    }

    [Fact]
    public async Task A_throttled_request_is_paired_with_its_own_retry_not_with_other_work_of_the_client()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-08-26T07:00:00Z"));
        await using var genesys = await GenesysHarness.StartAsync(o => o.TimeProvider = clock);
        var agent = genesys.Org.AddUser();
        var (first, second) = (genesys.Simulator.Calls.EndCall(agent.Id), genesys.Simulator.Calls.EndCall(agent.Id));
        var token = await genesys.TokenAsync();
        genesys.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, RetryAfter = TimeSpan.FromSeconds(5), Count = 1 });

        (await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.ConversationDetails(first.Id), token)).Dispose();
        clock.Advance(TimeSpan.FromSeconds(1));
        (await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.ConversationDetails(second.Id), token)).Dispose();
        clock.Advance(TimeSpan.FromSeconds(4));
        (await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.ConversationDetails(first.Id), token)).Dispose();
        await genesys.WaitLoggedAsync(4);

        var anyNext = Assert.Single(genesys.Simulator.Requests.Throttles());
        var retry = Assert.Single(genesys.Simulator.Requests.Throttles(retriesOnly: true));
        Assert.Equal((second.Id, false), (anyNext.Next!.Key, anyNext.RetryAfterRespected));
        Assert.Equal((first.Id, TimeSpan.FromSeconds(5), true), (retry.Next!.Key, retry.Waited!.Value, retry.RetryAfterRespected));
    }

    [Fact]
    public async Task A_server_error_has_a_Genesys_body_and_changes_nothing()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var token = await genesys.TokenAsync();
        genesys.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = GenesysCloudApi.ChannelsPath, Count = 1 });

        using var failed = await genesys.SendAsync(HttpMethod.Post, GenesysCloudApi.ChannelsPath, token);
        var error = await GenesysHarness.ErrorOf(failed);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal((503, GenesysCloudApi.ErrorCodes.ServiceUnavailable), (error.Status, error.Code));
        Assert.Empty(genesys.Simulator.Channels.All);
    }

    [Fact]
    public async Task A_lost_answer_to_a_channel_creation_leaves_the_channel_behind()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var token = await genesys.TokenAsync();
        genesys.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.AckLost, Path = GenesysCloudApi.ChannelsPath, Count = 1 });

        using var lost = await genesys.SendAsync(HttpMethod.Post, GenesysCloudApi.ChannelsPath, token);

        Assert.Equal(HttpStatusCode.InternalServerError, lost.StatusCode);
        Assert.Single(genesys.Simulator.Channels.All);
    }

    [Fact]
    public async Task Connect_and_media_URIs_can_fail_too()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agent = genesys.Org.AddUser();
        var token = await genesys.TokenAsync();
        var channel = await genesys.SubscribedChannelAsync(token, agent);
        var call = genesys.Simulator.Calls.EndCall(agent.Id);
        genesys.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = GenesysCloudSimulatorEndpoints.StreamingPath, Count = 1 });
        genesys.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = GenesysCloudSimulatorEndpoints.MediaPath, Count = 1 });

        await Assert.ThrowsAsync<WebSocketException>(() => ChannelSocket.ConnectAsync(channel));
        await using var socket = await ChannelSocket.ConnectAsync(channel);
        using var failedMedia = await genesys.Http.GetAsync(call.Recordings[0].MediaPath);
        var media = await genesys.Http.GetByteArrayAsync(call.Recordings[0].MediaPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failedMedia.StatusCode);
        Assert.Equal(call.Recordings[0].GetAudio(), media);
        await genesys.WaitConnectedAsync(channel.Id);
    }
}
