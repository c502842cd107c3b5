using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using KnovvuOrleans.Testing;
using Xunit.Abstractions;

namespace KnovvuOrleans.Gateway.Tests.VirtualAgent;

/// <summary>
/// The gateway on a fresh PostgreSQL database and a Knovvu Analytics simulator over HTTP, with one tenant whose
/// client has the tenant_admin and ingest scopes, and a project p1 with a web and an IVR channel.
/// </summary>
internal sealed class VaHarness : IAsyncDisposable
{
    public const string Tenant = "acme";

    private readonly PostgresTestDatabase _database;

    private VaHarness(PostgresTestDatabase database, KnovvuAnalyticsSimulator ca, GatewayFactory gateway, GatewayApi api, string hostToken, string token)
    {
        _database = database;
        Ca = ca;
        Gateway = gateway;
        Api = api;
        HostToken = hostToken;
        Token = token;
    }

    public KnovvuAnalyticsSimulator Ca { get; }

    public GatewayFactory Gateway { get; }

    public GatewayApi Api { get; }

    public string HostToken { get; }

    /// <summary>The tenant's own token: tenant_admin and ingest.</summary>
    public string Token { get; }

    public string ConnectionString => _database.ConnectionString;

    /// <summary>
    /// <paramref name="settings"/>: more gateway configuration (the harness's own keys win); <paramref name="testServices"/>:
    /// services replaced or added after the gateway's own.
    /// </summary>
    public static async Task<VaHarness> StartAsync(
        int sessionsPerHourCap = 100_000,
        bool integrationEnabled = true,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? testServices = null,
        ITestOutputHelper? output = null)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var ca = await KnovvuAnalyticsSimulator.StartAsync(new() { Clients = [new("va-client", "va-secret", "ca-acme")] });
        var gatewaySettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["KnovvuAnalytics:Client:RetryBaseDelay"] = "00:00:00.010",
            ["KnovvuAnalytics:Client:RetryMaxDelay"] = "00:00:00.200",
            ["KnovvuAnalytics:Client:MaxRetries"] = "10",
            ["KnovvuAnalytics:Client:BreakerDuration"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Information",
            // Tests that post thousands of sessions are about the VA → CA flow, not the tenant's session rate
            // (TenantSessionRateTests): no waiting for it.
            ["Gateway:RateLimit:TenantSessionsPerSecond"] = "1000000",
        };
        foreach (var (key, value) in GatewayFactory.PostgresSettings(database.ConnectionString))
        {
            gatewaySettings[key] = value;
        }

        var gateway = new GatewayFactory { Settings = gatewaySettings, TestServices = testServices, Output = output };
        var api = new GatewayApi(gateway.CreateClient());
        var hostToken = await api.TokenAsync(GatewayFactory.HostClientId, gateway.HostSecret);
        await api.CreateTenantAsync(hostToken, Tenant, "Acme");
        await api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{Tenant}/features", hostToken, JsonSerializer.Serialize(new
        {
            dailyReports = new { enabled = false, retentionMonths = 1 },
            dataFeeder = new { enabled = false, eventTypes = Array.Empty<string>(), topic = (string?)null },
            vaToCa = new { sessionsPerHourCap },
        }));
        var (clientId, secret) = await api.RegisterClientAsync(hostToken, Tenant, "tenant_admin", "ingest");
        var harness = new VaHarness(database, ca, gateway, api, hostToken, await api.TokenAsync(clientId, secret));
        await harness.ConfigureCaAsync(integrationEnabled);
        await harness.Api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{Tenant}/va/projects", harness.Token, """{"id":"p1","name":"Sales"}""");
        await harness.AddChannelAsync("p1", "web", "web");
        await harness.AddChannelAsync("p1", "ivr", "ivr");
        return harness;
    }

    public Task<JsonNode> ConfigureCaAsync(bool enabled, string? secret = "va-secret") =>
        Api.ReadOkAsync(HttpMethod.Put, $"/api/tenants/{Tenant}/integrations/knovvu-analytics", Token, JsonSerializer.Serialize(new
        {
            serviceBaseUrl = Ca.BaseUrl,
            tokenEndpoint = Ca.TokenEndpoint,
            clientId = "va-client",
            clientSecret = secret,
            enabled,
        }));

    public Task<JsonNode> AddChannelAsync(string project, string id, string type) =>
        Api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{Tenant}/va/projects/{project}/channels", Token,
            JsonSerializer.Serialize(new { id, name = $"{id} channel", type }));

    public Task<HttpResponseMessage> ToggleProjectAsync(string project, bool enabled) =>
        Api.SendAsync(HttpMethod.Put, $"/api/tenants/{Tenant}/va/projects/{project}/knovvu-analytics", Token, JsonSerializer.Serialize(new { enabled }));

    public async Task PostSessionsAsync(IEnumerable<object> sessions)
    {
        foreach (var batch in sessions.Chunk(500))
        {
            await Api.ReadOkAsync(HttpMethod.Post, $"/api/tenants/{Tenant}/va/sessions", Token, JsonSerializer.Serialize(new { sessions = batch }));
        }
    }

    /// <summary>Runs the hourly job once and waits for it to end; returns its status.</summary>
    public async Task<JsonNode> RunSyncAsync()
    {
        var path = $"/api/tenants/{Tenant}/integrations/knovvu-analytics/sync";
        var runs = (await Api.ReadOkAsync(HttpMethod.Get, path, Token))["runs"]!.GetValue<int>();
        await Api.ReadOkAsync(HttpMethod.Post, path, Token);
        JsonNode status = null!;
        await Eventually.TrueAsync(() =>
        {
            status = Api.ReadOkAsync(HttpMethod.Get, path, Token).GetAwaiter().GetResult();
            return status["runs"]!.GetValue<int>() > runs && !status["running"]!.GetValue<bool>();
        }, "the run to end", TimeSpan.FromMinutes(3));
        return status;
    }

    /// <summary>A VA session in the API's shape; status and channel vary with the caller's choice.</summary>
    public static object Session(string externalId, string status, string channel, DateTimeOffset? start = null)
    {
        var begin = start ?? new DateTimeOffset(2025, 8, 26, 7, 4, 40, TimeSpan.Zero);
        return new
        {
            externalId,
            status,
            projectId = "p1",
            channelId = channel,
            startTime = begin,
            endTime = begin.AddSeconds(3),
            messages = new[]
            {
                new { time = begin, text = "Merhaba, ben Knovvu Sanal Asistan.", side = "agent" },
                new { time = begin.AddSeconds(2), text = "Fatura sorusu", side = "customer" },
            },
            language = "tr-TR",
            additionalLanguages = new[] { "en-US" },
            direction = "inbound",
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Ca.DisposeAsync();
        await _database.DisposeAsync();
    }
}
