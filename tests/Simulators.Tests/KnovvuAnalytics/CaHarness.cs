using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.Simulators.Tests.KnovvuAnalytics;

/// <summary>A Knovvu Analytics simulator on a free loopback port with two clients (two CA tenants), and plain HTTP calls to it.</summary>
internal sealed class CaHarness : IAsyncDisposable
{
    public const string ClientA = "va-client-a";
    public const string SecretA = "secret-a";
    public const string TenantA = "ca-tenant-a";
    public const string ClientB = "va-client-b";
    public const string SecretB = "secret-b";
    public const string TenantB = "ca-tenant-b";

    private CaHarness(KnovvuAnalyticsSimulator simulator)
    {
        Simulator = simulator;
        Http = new HttpClient { BaseAddress = simulator.BaseUrl };
    }

    public KnovvuAnalyticsSimulator Simulator { get; }

    public HttpClient Http { get; }

    public static async Task<CaHarness> StartAsync(Action<KnovvuAnalyticsSimulatorOptions>? configure = null)
    {
        var options = new KnovvuAnalyticsSimulatorOptions
        {
            Clients = [new(ClientA, SecretA, TenantA), new(ClientB, SecretB, TenantB)],
        };
        configure?.Invoke(options);
        return new CaHarness(await KnovvuAnalyticsSimulator.StartAsync(options));
    }

    public Task<HttpResponseMessage> RequestTokenAsync(params (string Name, string Value)[] form) =>
        Http.PostAsync(Simulator.TokenEndpoint, new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    public async Task<string> TokenAsync(string clientId = ClientA, string secret = SecretA)
    {
        using var response = await RequestTokenAsync(
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", KnovvuAnalyticsApi.Scope));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json, string? token, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, mediaType) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostChatAsync(string json, string? token) => PostAsync(KnovvuAnalyticsApi.ChatsPath, json, token);

    /// <summary>A token of client A whose tenant already has the seed's department and agent.</summary>
    public async Task<string> TokenWithSeedAgentAsync(string clientId = ClientA, string secret = SecretA)
    {
        var token = await TokenAsync(clientId, secret);
        using var response = await PostAsync(KnovvuAnalyticsApi.DepartmentsAgentsPath, Seed000.DepartmentsAgents, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return token;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
