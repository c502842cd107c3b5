using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Analysis;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Gateway.Tests.GenesysCloud;

/// <summary>
/// POST .../genesys/parked/retry over HTTP against the Genesys Cloud simulator: a call the reconciliation found, whose
/// recordings stayed transcoding for all of its two attempts, is parked; the route offers it again, answers how many,
/// and the call is imported once Genesys has its audio. 404 without an installation, 403 for another tenant's admin.
/// </summary>
public sealed class GenesysParkedRetryRouteTests : IAsyncLifetime
{
    private const string Genesys = "/api/tenants/acme/integrations/genesys";

    private readonly string _objects = $"knovvu-parked-retry-{Guid.NewGuid():N}";
    private GatewayFactory _factory = null!;
    private GenesysCloudSimulator _genesys = null!;
    private GatewayApi _api = null!;
    private string _hostToken = null!;
    private string _acmeAdmin = null!;

    public async Task InitializeAsync()
    {
        _genesys = await GenesysCloudSimulator.StartAsync(new() { Clients = [new("gc-client", "gc-secret", "org-1")] });
        _factory = new GatewayFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["ObjectStorage:LocalPath"] = _objects,
                // Two attempts, half a second apart: a call parks within seconds.
                ["GenesysCloud:Import:MaxRecordingAttempts"] = "2",
                ["GenesysCloud:Import:RecordingRetryDelay"] = "00:00:00.500",
                ["Cluster:MinimumReminderPeriod"] = "00:00:00.500",
            },
        };
        _api = new GatewayApi(_factory.CreateClient());
        _hostToken = await _api.TokenAsync(GatewayFactory.HostClientId, _factory.HostSecret);
        _acmeAdmin = await AdminTokenAsync("acme");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _genesys.DisposeAsync();
        var folder = Path.Combine(Path.GetTempPath(), _objects);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_parked_call_is_offered_again_by_the_route_which_answers_the_count_and_the_call_is_then_imported()
    {
        var org = _genesys.Org("org-1");
        var agents = org.AddUsers(1);
        var group = org.AddGroup("Knovvu Analytics", agents);
        await _api.ReadOkAsync(HttpMethod.Post, $"{Genesys}/install", _acmeAdmin, Install(group.Id));
        // The reconciliation looks for calls of the members the install's sync stored.
        await Eventually.TrueAsync(async () => (await Status())["lastSync"] is { } sync && sync["members"]!.GetValue<int>() == 1, "the group synced");
        // Two 202s use up both attempts; the third request, once offered again, gets the audio.
        var call = _genesys.Calls.EndCallWithoutEvent(agents[0].Id, new CallOptions { TranscodingPolls = 2 });
        var grain = _factory.Services.GetRequiredService<IClusterClient>().GetGrain<IGenesysCallGrain>(GenesysCallKey.For("acme", call.Id));

        using (var reconcile = await _api.SendAsync(HttpMethod.Post, $"{Genesys}/reconcile", _acmeAdmin))
        {
            Assert.Equal(HttpStatusCode.Accepted, reconcile.StatusCode);
        }

        // The integration lists the call before the call grain writes that it is parked.
        await Eventually.TrueAsync(async () => (await Status())["parked"]!["count"]!.GetValue<int>() == 1 && await grain.GetOutcome() == GenesysImportOutcome.Parked,
            "the call parked", TimeSpan.FromSeconds(30));
        Assert.Equal(call.Id, (await Status())["parked"]!["latest"]![0]!["conversationId"]!.GetValue<string>());
        Assert.Equal(2, call.TranscodingAnswers);
        Assert.Equal(0, await QueuedForAnalysisAsync());

        var retried = await _api.ReadOkAsync(HttpMethod.Post, $"{Genesys}/parked/retry", _acmeAdmin);

        Assert.Equal(1, retried["offeredAgain"]!.GetValue<int>());
        Assert.Equal(0, (await Status())["parked"]!["count"]!.GetValue<int>());
        await Eventually.TrueAsync(async () => await grain.GetOutcome() == GenesysImportOutcome.Imported, "imported once offered again", TimeSpan.FromSeconds(30));
        Assert.Equal(1, await QueuedForAnalysisAsync());
        Assert.Equal(0, (await _api.ReadOkAsync(HttpMethod.Post, $"{Genesys}/parked/retry", _acmeAdmin))["offeredAgain"]!.GetValue<int>());
    }

    [Fact]
    public async Task Offering_parked_calls_again_without_an_installation_is_404_not_installed()
    {
        using var response = await _api.SendAsync(HttpMethod.Post, $"{Genesys}/parked/retry", _acmeAdmin);

        await ProblemAssert.IsProblemAsync(response, 404, "not installed");
    }

    [Fact]
    public async Task Another_tenants_admin_cannot_offer_the_tenants_parked_calls_again()
    {
        var otherAdmin = await AdminTokenAsync("other");

        using var response = await _api.SendAsync(HttpMethod.Post, $"{Genesys}/parked/retry", otherAdmin);

        await ProblemAssert.IsProblemAsync(response, 403, "tenant or its scope");
    }

    private async Task<string> AdminTokenAsync(string tenantId)
    {
        await _api.CreateTenantAsync(_hostToken, tenantId, tenantId);
        var (clientId, secret) = await _api.RegisterClientAsync(_hostToken, tenantId, ClientScopes.TenantAdmin);
        return await _api.TokenAsync(clientId, secret, ClientScopes.TenantAdmin);
    }

    private Task<JsonNode> Status() => _api.ReadOkAsync(HttpMethod.Get, $"{Genesys}/status", _acmeAdmin);

    private Task<int> QueuedForAnalysisAsync() => _factory.Services.GetRequiredService<IAnalysisQueue>().CountAsync("acme", default);

    private string Install(string groupId) => JsonSerializer.Serialize(new
    {
        orgId = "org-1",
        role = "Knovvu Analytics",
        user = "knovvu-integration",
        clientId = "gc-client",
        clientSecret = "gc-secret",
        groupId,
        apiBaseUrl = _genesys.BaseUrl.ToString(),
        loginBaseUrl = _genesys.LoginBaseUrl.ToString(),
    });
}
