using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.GenesysCloud;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>A Genesys Cloud simulator on a free loopback port with two clients in two orgs, and plain HTTP and websocket calls to it.</summary>
internal sealed class GenesysHarness : IAsyncDisposable
{
    public const string ClientA = "genesys-client-a";
    public const string SecretA = "secret-a";
    public const string OrgA = "org-a";
    public const string ClientB = "genesys-client-b";
    public const string SecretB = "secret-b";
    public const string OrgB = "org-b";

    private GenesysHarness(GenesysCloudSimulator simulator)
    {
        Simulator = simulator;
        Http = new HttpClient { BaseAddress = simulator.BaseUrl };
    }

    public GenesysCloudSimulator Simulator { get; }

    public HttpClient Http { get; }

    public SimulatedOrg Org => Simulator.Org(OrgA);

    public static async Task<GenesysHarness> StartAsync(Action<GenesysCloudSimulatorOptions>? configure = null)
    {
        var options = new GenesysCloudSimulatorOptions
        {
            Clients = [new(ClientA, SecretA, OrgA), new(ClientB, SecretB, OrgB)],
        };
        configure?.Invoke(options);
        return new GenesysHarness(await GenesysCloudSimulator.StartAsync(options));
    }

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));

    public Task<HttpResponseMessage> RequestTokenAsync(AuthenticationHeaderValue? authorization, params (string Name, string Value)[] form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Simulator.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        request.Headers.Authorization = authorization;
        return Http.SendAsync(request);
    }

    public async Task<string> TokenAsync(string clientId = ClientA, string secret = SecretA)
    {
        using var response = await RequestTokenAsync(Basic(clientId, secret), ("grant_type", "client_credentials"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<GenesysTokenResponse>())!.AccessToken;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType());
        }

        return Http.SendAsync(request);
    }

    /// <summary>GET, asserting 200, as <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string path, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static async Task<GenesysErrorResponse> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<GenesysErrorResponse>())!;

    public async Task<NotificationChannel> CreateChannelAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Post, GenesysCloudApi.ChannelsPath, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<NotificationChannel>())!;
    }

    public Task<HttpResponseMessage> SubscribeAsync(string token, string channelId, IEnumerable<string> topics, bool replace = false) =>
        SendAsync(replace ? HttpMethod.Put : HttpMethod.Post, GenesysCloudApi.Subscriptions(channelId), token, topics.Select(t => new ChannelTopic { Id = t }).ToArray());

    public async Task<HttpStatusCode> HeadChannelAsync(string token, string channelId)
    {
        using var response = await SendAsync(HttpMethod.Head, GenesysCloudApi.Channel(channelId), token);
        return response.StatusCode;
    }

    /// <summary>A new channel subscribed to the agents' conversation topics (nothing connected yet).</summary>
    public async Task<NotificationChannel> SubscribedChannelAsync(string token, params SimulatedUser[] agents)
    {
        var channel = await CreateChannelAsync(token);
        using var response = await SubscribeAsync(token, channel.Id, agents.Select(a => GenesysCloudApi.Topics.UserConversations(a.Id)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return channel;
    }

    /// <summary>A subscribed channel with its websocket connected.</summary>
    public async Task<(NotificationChannel Channel, ChannelSocket Socket)> ListenAsync(string token, params SimulatedUser[] agents)
    {
        var channel = await SubscribedChannelAsync(token, agents);
        var socket = await ChannelSocket.ConnectAsync(channel);
        await WaitConnectedAsync(channel.Id);
        return (channel, socket);
    }

    /// <summary>Waits until the simulator has attached a socket to the channel (the upgrade finishes before that).</summary>
    public Task WaitConnectedAsync(string channelId, int connections = 1) =>
        Testing.Eventually.TrueAsync(
            () => Simulator.Channels.Find(channelId) is { IsConnected: true } channel && channel.Connections >= connections,
            $"channel {channelId} has its socket #{connections}");

    /// <summary>
    /// Waits until the request log holds <paramref name="requests"/> entries: a request is logged when its handler
    /// returns, which may be just after the client got the answer.
    /// </summary>
    public Task WaitLoggedAsync(int requests) =>
        Testing.Eventually.TrueAsync(() => Simulator.Requests.Entries.Count >= requests, $"{requests} requests are logged");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
