using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Gateway.Tests.VirtualAgent;

namespace KnovvuOrleans.Gateway.Tests.RateLimiting;

/// <summary>
/// Issue 15, noisy neighbour: one tenant posting more sessions than its rate admits is refused whole (429 with
/// Retry-After, nothing of the batch recorded), while another tenant's sessions are still admitted at once.
/// </summary>
public sealed class TenantSessionRateTests : IAsyncLifetime
{
    // One session a second and one second of queue: the bucket holds one full batch (500) and nothing more can wait.
    private readonly GatewayFactory _factory = new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:TenantSessionsPerSecond"] = "1",
            ["Gateway:RateLimit:TenantIngestQueue"] = "00:00:01",
        },
    };

    private GatewayApi _api = null!;

    public Task InitializeAsync()
    {
        _api = new GatewayApi(_factory.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_tenant_over_its_session_rate_gets_429_for_the_whole_batch_while_another_tenant_is_admitted()
    {
        var hostToken = await _api.TokenAsync(GatewayFactory.HostClientId, _factory.HostSecret);
        var bulk = await TenantAsync(hostToken, "bulk");
        var calm = await TenantAsync(hostToken, "calm");

        var first = await PostAsync(bulk, "bulk", Ids("a", 300));
        Assert.Equal(300, first!["recorded"]!.GetValue<int>());

        // 200 of the bucket's 500 are left: 300 more cannot be admitted, and the queue holds one session, not 300.
        var second = Ids("b", 300);
        using var refused = await SendAsync(bulk, "bulk", second);
        await ProblemAssert.IsProblemAsync(refused, 429, "nothing of this batch was recorded");
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {refused.Headers.RetryAfter}");

        // Another tenant's bucket is its own.
        var other = await PostAsync(calm, "calm", Ids("c", 500));
        Assert.Equal(500, other!["recorded"]!.GetValue<int>());

        // The refused batch left nothing behind: its first 200 sessions are recorded now, not found recorded already.
        var again = await PostAsync(bulk, "bulk", second.Take(200));
        Assert.Equal((200, 0), (again!["recorded"]!.GetValue<int>(), again["alreadyRecorded"]!.GetValue<int>()));
    }

    private static IEnumerable<string> Ids(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D3}");

    private async Task<string> TenantAsync(string hostToken, string tenantId)
    {
        await _api.CreateTenantAsync(hostToken, tenantId, tenantId);
        var (clientId, secret) = await _api.RegisterClientAsync(hostToken, tenantId, "tenant_admin", "ingest");
        var token = await _api.TokenAsync(clientId, secret);
        await _api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{tenantId}/va/projects", token, """{"id":"p1","name":"Sales"}""");
        await _api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{tenantId}/va/projects/p1/channels", token, """{"id":"web","name":"Web","type":"web"}""");
        return token;
    }

    private Task<HttpResponseMessage> SendAsync(string token, string tenantId, IEnumerable<string> ids) =>
        _api.SendAsync(HttpMethod.Post, $"/api/tenants/{tenantId}/va/sessions", token,
            JsonSerializer.Serialize(new { sessions = ids.Select(id => VaHarness.Session(id, "published", "web")) }));

    private async Task<JsonNode?> PostAsync(string token, string tenantId, IEnumerable<string> ids)
    {
        using var response = await SendAsync(token, tenantId, ids);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }
}
