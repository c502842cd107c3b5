using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Gateway.Tests.VirtualAgent;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Gateway.Tests.RateLimiting;

/// <summary>
/// Issue 15, noisy neighbour: one tenant posting more sessions than its rate admits is refused whole (429 with
/// Retry-After, nothing of the batch recorded), while another tenant's sessions are still admitted at once; the rate
/// is the cluster's, not each gateway's.
/// </summary>
public sealed class TenantSessionRateTests
{
    // One session a second and one second of queue: the bucket holds one full batch (500) and nothing more can wait.
    private static readonly Dictionary<string, string?> OneASecond = new()
    {
        ["Gateway:RateLimit:TenantSessionsPerSecond"] = "1",
        ["Gateway:RateLimit:TenantIngestQueue"] = "00:00:01",
    };

    [Fact]
    public async Task A_tenant_over_its_session_rate_gets_429_for_the_whole_batch_while_another_tenant_is_admitted()
    {
        await using var factory = new GatewayFactory { Settings = OneASecond };
        var api = new GatewayApi(factory.CreateClient());
        var hostToken = await api.TokenAsync(GatewayFactory.HostClientId, factory.HostSecret);
        var bulk = await TenantAsync(api, hostToken, "bulk");
        var calm = await TenantAsync(api, hostToken, "calm");

        var first = await PostAsync(api, bulk, "bulk", Ids("a", 300));
        Assert.Equal(300, first!["recorded"]!.GetValue<int>());

        // 200 of the bucket's 500 are left: 300 more cannot be admitted, and the queue holds one session, not 300.
        var second = Ids("b", 300);
        using var refused = await SendAsync(api, bulk, "bulk", second);
        await ProblemAssert.IsProblemAsync(refused, 429, "nothing of this batch was recorded");
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {refused.Headers.RetryAfter}");

        // Another tenant's bucket is its own.
        var other = await PostAsync(api, calm, "calm", Ids("c", 500));
        Assert.Equal(500, other!["recorded"]!.GetValue<int>());

        // The refused batch left nothing behind: its first 200 sessions are recorded now, not found recorded already.
        var again = await PostAsync(api, bulk, "bulk", second.Take(200));
        Assert.Equal((200, 0), (again!["recorded"]!.GetValue<int>(), again["alreadyRecorded"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_tenant_posting_through_two_gateways_is_admitted_at_its_rate_once_not_once_per_gateway()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var first = GatewayFactory.OnPostgres(database.ConnectionString, OneASecond);
        await using var second = GatewayFactory.OnPostgres(database.ConnectionString, OneASecond, sameCredentialsAs: first);
        var (api1, api2) = (new GatewayApi(first.CreateClient()), new GatewayApi(second.CreateClient()));
        var token = await TenantAsync(api1, await api1.TokenAsync(GatewayFactory.HostClientId, first.HostSecret), "spread");

        var through1 = await PostAsync(api1, token, "spread", Ids("a", 300));
        Assert.Equal(300, through1!["recorded"]!.GetValue<int>());

        // Each gateway alone would still have 500 to give; the tenant has 200 left in the cluster.
        using var refused = await SendAsync(api2, token, "spread", Ids("b", 300));
        await ProblemAssert.IsProblemAsync(refused, 429, "nothing of this batch was recorded");
        var through2 = await PostAsync(api2, token, "spread", Ids("b", 200));
        Assert.Equal(200, through2!["recorded"]!.GetValue<int>());
    }

    private static IEnumerable<string> Ids(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D3}");

    private static async Task<string> TenantAsync(GatewayApi api, string hostToken, string tenantId)
    {
        await api.CreateTenantAsync(hostToken, tenantId, tenantId);
        var (clientId, secret) = await api.RegisterClientAsync(hostToken, tenantId, "tenant_admin", "ingest");
        var token = await api.TokenAsync(clientId, secret);
        await api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{tenantId}/va/projects", token, """{"id":"p1","name":"Sales"}""");
        await api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{tenantId}/va/projects/p1/channels", token, """{"id":"web","name":"Web","type":"web"}""");
        return token;
    }

    private static Task<HttpResponseMessage> SendAsync(GatewayApi api, string token, string tenantId, IEnumerable<string> ids) =>
        api.SendAsync(HttpMethod.Post, $"/api/tenants/{tenantId}/va/sessions", token,
            JsonSerializer.Serialize(new { sessions = ids.Select(id => VaHarness.Session(id, "published", "web")) }));

    private static async Task<JsonNode?> PostAsync(GatewayApi api, string token, string tenantId, IEnumerable<string> ids)
    {
        using var response = await SendAsync(api, token, tenantId, ids);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }
}
