using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Gateway.Tests.GenesysCloud;

/// <summary>
/// The Genesys wizard over HTTP against the Genesys Cloud simulator: setup proves the customer holds a tenant client
/// and gets a token; install stores the settings, syncs the group and starts listening; the secret is never
/// returned or logged; refused input is a 400 naming the field and stores nothing.
/// </summary>
public sealed class GenesysWizardTests : IAsyncLifetime
{
    private const string Setup = "/api/integrations/genesys/wizard/setup";
    private const string Genesys = "/api/tenants/acme/integrations/genesys";

    private readonly GatewayFactory _factory = new();
    private readonly string _genesysSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private GenesysCloudSimulator _genesys = null!;
    private GatewayApi _api = null!;
    private string _hostToken = null!;

    public async Task InitializeAsync()
    {
        _genesys = await GenesysCloudSimulator.StartAsync(new() { Clients = [new("gc-client", _genesysSecret, "org-1")] });
        _api = new GatewayApi(_factory.CreateClient());
        _hostToken = await _api.TokenAsync(GatewayFactory.HostClientId, _factory.HostSecret);
        await _api.CreateTenantAsync(_hostToken, "acme", "Acme Corp");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _genesys.DisposeAsync();
    }

    [Fact]
    public async Task Setup_gives_a_tenant_admin_token_for_the_tenant_name_and_the_client_credentials_and_refuses_anything_else()
    {
        var (clientId, secret) = await _api.RegisterClientAsync(_hostToken, "acme", ClientScopes.TenantAdmin, ClientScopes.Ingest);
        var (ingestOnly, ingestSecret) = await _api.RegisterClientAsync(_hostToken, "acme", ClientScopes.Ingest);

        foreach (var tenantName in new[] { "Acme Corp", "acme", "ACME CORP" })
        {
            var answer = await _api.ReadOkAsync(HttpMethod.Post, Setup, null, SetupBody(tenantName, clientId, secret));
            Assert.Equal(("acme", ClientScopes.TenantAdmin, "Bearer"), (answer["tenantId"]!.GetValue<string>(), answer["scope"]!.GetValue<string>(), answer["tokenType"]!.GetValue<string>()));
            await _api.ReadOkAsync(HttpMethod.Get, "/api/tenants/acme/profile", answer["accessToken"]!.GetValue<string>());
        }

        await _api.CreateTenantAsync(_hostToken, "other", "Other");
        foreach (var (body, status, names) in new[]
                 {
                     (SetupBody("Acme Corp", clientId, secret[..^2] + "xx"), 401, "wrong"),
                     (SetupBody("Other", clientId, secret), 401, "wrong"),
                     (SetupBody("No such tenant", clientId, secret), 401, "wrong"),
                     (SetupBody("Acme Corp", GatewayFactory.HostClientId, _factory.HostSecret), 401, "wrong"),
                     (SetupBody("Acme Corp", "acme.not-a-client-id", secret), 401, "wrong"),
                     (SetupBody("Acme Corp", ingestOnly, ingestSecret), 403, ClientScopes.TenantAdmin),
                     (SetupBody("Acme Corp", clientId, ""), 400, "password"),
                 })
        {
            using var response = await _api.SendAsync(HttpMethod.Post, Setup, null, body);
            await ProblemAssert.IsProblemAsync(response, status, names);
        }

        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal) || line.Contains(_factory.HostSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Install_stores_the_settings_syncs_the_group_and_never_returns_or_logs_the_secret_and_bad_input_stores_nothing()
    {
        var (clientId, secret) = await _api.RegisterClientAsync(_hostToken, "acme", ClientScopes.TenantAdmin);
        var token = (await _api.ReadOkAsync(HttpMethod.Post, Setup, null, SetupBody("Acme Corp", clientId, secret)))["accessToken"]!.GetValue<string>();
        var org = _genesys.Org("org-1");
        var group = org.AddGroup("Knovvu Analytics", org.AddUsers(3));

        foreach (var (body, field) in new[]
                 {
                     (Install(group.Id, apiBaseUrl: "http://api.example.test/"), "apiBaseUrl"),
                     (Install(group.Id, clientSecret: ""), "clientSecret"),
                     (Install(""), "groupId"),
                 })
        {
            using var refused = await _api.SendAsync(HttpMethod.Post, $"{Genesys}/install", token, body);
            await ProblemAssert.IsProblemAsync(refused, 400, field);
            using var nothing = await _api.SendAsync(HttpMethod.Get, Genesys, token);
            await ProblemAssert.IsProblemAsync(nothing, 404, "not installed");
        }

        using var installed = await _api.SendAsync(HttpMethod.Post, $"{Genesys}/install", token, Install(group.Id));
        var installedText = await installed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        var view = JsonNode.Parse(installedText)!;
        Assert.Equal(("org-1", group.Id, true), (view["orgId"]!.GetValue<string>(), view["groupId"]!.GetValue<string>(), view["clientSecretSet"]!.GetValue<bool>()));
        var read = await _api.ReadOkAsync(HttpMethod.Get, Genesys, token);
        Assert.Equal(view.ToJsonString(), read.ToJsonString());

        // Installing synced the group: one channel listening to the three members.
        await Eventually.TrueAsync(() => _genesys.Channels.All.Any(c => c.IsConnected && c.Topics.Count == 3), "the group's channel listening");
        await Eventually.TrueAsync(() => Status(token)["channels"]!.AsArray() is [{ } channel] && channel["listening"]!.GetValue<bool>(), "the status shows it");
        var status = Status(token);
        Assert.Equal((3, 3, "not-configured"), (status["subscribedMembers"]!.GetValue<int>(), status["lastSync"]!["members"]!.GetValue<int>(), status["lastSync"]!["caOutcome"]!.GetValue<string>()));

        using var sync = await _api.SendAsync(HttpMethod.Post, $"{Genesys}/sync", token);
        Assert.Equal(HttpStatusCode.Accepted, sync.StatusCode);
        using var reconcile = await _api.SendAsync(HttpMethod.Post, $"{Genesys}/reconcile", token);
        Assert.Equal(HttpStatusCode.Accepted, reconcile.StatusCode);
        await Eventually.TrueAsync(() => Status(token)["lastReconciliation"] is { } r && r["found"]!.GetValue<int>() == 0 && r["error"] is null,
            "a reconciliation that found no calls");

        var answers = string.Join("\n", installedText, read.ToJsonString(), Status(token).ToJsonString());
        Assert.DoesNotContain(_genesysSecret, answers, StringComparison.Ordinal);
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(_genesysSecret, StringComparison.Ordinal) || line.Contains(secret, StringComparison.Ordinal));
    }

    private JsonNode Status(string token) => _api.ReadOkAsync(HttpMethod.Get, $"{Genesys}/status", token).Result;

    private static string SetupBody(string tenantName, string username, string password) =>
        JsonSerializer.Serialize(new { tenantName, username, password });

    private string Install(string groupId, string? apiBaseUrl = null, string? clientSecret = null) => JsonSerializer.Serialize(new
    {
        orgId = "org-1",
        role = "Knovvu Analytics",
        user = "knovvu-integration",
        clientId = "gc-client",
        clientSecret = clientSecret ?? _genesysSecret,
        groupId,
        apiBaseUrl = apiBaseUrl ?? _genesys.BaseUrl.ToString(),
        loginBaseUrl = _genesys.LoginBaseUrl.ToString(),
    });
}
