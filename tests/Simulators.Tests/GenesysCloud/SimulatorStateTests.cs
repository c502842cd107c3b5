using System.Net;
using System.Net.Http.Json;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Builder;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>GET _sim/state for the demo, and the simulator mapped under a prefix in another app.</summary>
public sealed class SimulatorStateTests
{
    [Fact]
    public async Task The_state_endpoint_counts_what_the_simulator_holds()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agents = genesys.Org.AddUsers(3);
        genesys.Org.AddGroup("Knovvu", agents);
        var token = await genesys.TokenAsync();
        var (_, socket) = await genesys.ListenAsync(token, agents[0]);
        await using var _ = socket;
        genesys.Simulator.Calls.EndCall(agents[0].Id, new CallOptions { Recordings = 2 });
        genesys.Simulator.Calls.EndCall(agents[1].Id);

        var counts = (await genesys.Http.GetFromJsonAsync<GenesysCloudCounts>(GenesysCloudSimulatorEndpoints.StatePath))!;

        Assert.Equal(new GenesysOrgCounts(3, 1, 3, 2, 3), counts.Orgs[GenesysHarness.OrgA]);
        Assert.Equal(new GenesysOrgCounts(0, 0, 0, 0, 0), counts.Orgs[GenesysHarness.OrgB]);
        Assert.Equal((1, 1, 1, 1), (counts.Channels, counts.ConnectedChannels, counts.Topics, counts.EventsLost));
        Assert.Equal(1, counts.TokensIssued);
        Assert.Equal(2, genesys.Simulator.Calls.All.Count);
    }

    [Fact]
    public async Task Mapped_under_a_prefix_the_URIs_it_hands_out_carry_the_prefix()
    {
        var state = new GenesysCloudSimulatorState(new GenesysCloudSimulatorOptions { Clients = [new(GenesysHarness.ClientA, GenesysHarness.SecretA, GenesysHarness.OrgA)] });
        await using var host = await SimulatorHost.StartAsync(0, app => app.MapGroup("/genesys").MapGenesysCloudSimulator(state));
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl, "genesys/") };
        var org = state.Org(GenesysHarness.OrgA);
        var agents = org.AddUsers(30);
        var group = org.AddGroup("Knovvu", agents);
        var token = await TokenAsync(http);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var members = (await http.GetFromJsonAsync<UserEntityListing>(GenesysCloudApi.GroupMembers(group.Id, 25, 1)))!;
        using var created = await http.PostAsync(GenesysCloudApi.ChannelsPath, null);
        var channel = (await created.Content.ReadFromJsonAsync<NotificationChannel>())!;
        (await http.PostAsJsonAsync(GenesysCloudApi.Subscriptions(channel.Id), new[] { new ChannelTopic { Id = GenesysCloudApi.Topics.UserConversations(agents[0].Id) } })).Dispose();
        await using var socket = await ChannelSocket.ConnectAsync(channel);
        await Testing.Eventually.TrueAsync(() => state.Channels.Find(channel.Id)!.IsConnected, "the socket is attached");
        var call = state.Calls.EndCall(agents[0].Id);
        var notified = await socket.ReceiveSkippingHeartbeatsAsync();
        var recordings = (await http.GetFromJsonAsync<List<RecordingMetadata>>(GenesysCloudApi.Recordings(call.Id)))!;
        var mediaUri = recordings[0].MediaUris![GenesysCloudApi.SingleMediaKey].MediaUri;

        Assert.StartsWith($"/genesys/api/v2/groups/{group.Id}/members?", members.NextUri);
        Assert.StartsWith($"ws://127.0.0.1:{host.BaseUrl.Port}/genesys/streaming/channels/", channel.ConnectUri);
        Assert.Equal(call.Id, notified!.EventBody.GetProperty("id").GetString());
        Assert.Equal($"{host.BaseUrl}genesys/{call.Recordings[0].MediaPath}", mediaUri);
        Assert.Equal(call.Recordings[0].GetAudio(), await http.GetByteArrayAsync(mediaUri));
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GenesysCloudSimulatorEndpoints.TokenPath)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
            Headers = { Authorization = GenesysHarness.Basic(GenesysHarness.ClientA, GenesysHarness.SecretA) },
        };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<GenesysTokenResponse>())!.AccessToken;
    }
}
