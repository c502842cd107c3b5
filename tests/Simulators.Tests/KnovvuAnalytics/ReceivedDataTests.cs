using System.Net;
using System.Net.Http.Json;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Hosting;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using Microsoft.AspNetCore.Builder;

namespace KnovvuOrleans.Simulators.Tests.KnovvuAnalytics;

/// <summary>What a test (or the demo) can read of what the simulator received.</summary>
public sealed class ReceivedDataTests
{
    [Fact]
    public async Task An_IVR_session_is_recorded_as_a_call_and_other_channels_as_chats()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();

        (await ca.PostChatAsync(Seed000.ChatWithId("web"), token)).Dispose();
        (await ca.PostChatAsync(Seed000.ChatWith(c =>
        {
            c["ExternalId"] = "ivr";
            c["AttachedData"]![2]!["Value"] = KnovvuAnalyticsApi.ConversationTypes.Call;
        }), token)).Dispose();

        Assert.Equal("chat", ca.Simulator.Received.FindChat(CaHarness.TenantA, "web")!.ConversationType);
        Assert.Equal("call", ca.Simulator.Received.FindChat(CaHarness.TenantA, "ivr")!.ConversationType);
    }

    [Fact]
    public async Task The_request_log_records_path_client_key_status_and_times()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        (await ca.PostChatAsync(Seed000.ChatWithId("s1"), token: null)).Dispose();
        (await ca.PostChatAsync(Seed000.ChatWithId("s1"), token)).Dispose();

        var log = ca.Simulator.Requests.Entries.OrderBy(e => e.Sequence).ToArray();

        Assert.Equal(
            [
                (KnovvuAnalyticsApi.TokenPath, CaHarness.ClientA, null, 200),
                (KnovvuAnalyticsApi.DepartmentsAgentsPath, CaHarness.ClientA, null, 200),
                (KnovvuAnalyticsApi.ChatsPath, null, null, 401),
                (KnovvuAnalyticsApi.ChatsPath, CaHarness.ClientA, "s1", 200),
            ],
            log.Select(e => (e.Path, e.ClientId, e.Key, e.StatusCode)));
        Assert.All(log, e => Assert.True(e.RespondedAt >= e.ReceivedAt));
        Assert.All(log, e => Assert.Equal((null, null, TimeSpan.Zero), (e.RetryAfter, e.Fault, e.Delay)));
    }

    [Fact]
    public async Task The_state_endpoint_counts_what_was_received()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        (await ca.PostChatAsync(Seed000.Chat, token)).Dispose();
        (await ca.PostChatAsync(Seed000.Chat, token)).Dispose();

        var counts = await ca.Http.GetFromJsonAsync<KnovvuAnalyticsCounts>(KnovvuAnalyticsSimulatorEndpoints.StatePath);

        Assert.Equal(new CaTenantCounts(Departments: 1, Agents: 1, Chats: 1, ChatDeliveries: 2), Assert.Single(counts!.Tenants).Value);
        Assert.Equal((4, 1, 0), (counts.Requests, counts.TokensIssued, counts.FaultRules));
        Assert.Equal(4, counts.RequestsByStatus[200]);
    }

    [Fact]
    public async Task The_simulator_can_be_mapped_into_another_app_under_a_prefix()
    {
        var state = new KnovvuAnalyticsSimulatorState(new KnovvuAnalyticsSimulatorOptions
        {
            Clients = [new(CaHarness.ClientA, CaHarness.SecretA, CaHarness.TenantA)],
        });
        await using var app = await SimulatorHost.StartAsync(0, routes => routes.MapGroup("/ca").MapKnovvuAnalyticsSimulator(state));
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl, "ca/") };

        using var tokenResponse = await http.PostAsync(KnovvuAnalyticsSimulatorEndpoints.IdentityPrefix + KnovvuAnalyticsApi.TokenPath, new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", CaHarness.ClientA), new("client_secret", CaHarness.SecretA), new("scope", KnovvuAnalyticsApi.Scope)]));
        var token = (await tokenResponse.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, KnovvuAnalyticsApi.DepartmentsAgentsPath)
        {
            Content = new StringContent(Seed000.DepartmentsAgents, null, "application/json"),
            Headers = { Authorization = new("Bearer", token) },
        };
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(state.Received.Departments);
        Assert.Equal(1, (await http.GetFromJsonAsync<KnovvuAnalyticsCounts>(KnovvuAnalyticsSimulatorEndpoints.StatePath))!.TokensIssued);
    }
}
