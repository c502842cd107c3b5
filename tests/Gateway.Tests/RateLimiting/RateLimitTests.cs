using System.Net;
using System.Text.Json;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.Clients;

namespace KnovvuOrleans.Gateway.Tests.RateLimiting;

/// <summary>
/// One tenant cannot starve the gateway: its requests over the per-tenant limit get 429 problems with Retry-After
/// while another tenant and the host operator are still served; the Genesys wizard setup, which checks a secret,
/// is limited per client address.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int TenantPermits = 5;
    private const int WizardAttempts = 3;

    private readonly GatewayFactory _factory = new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:TenantPermits"] = TenantPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // An hour: the window cannot roll over during the test.
            ["Gateway:RateLimit:TenantWindow"] = "01:00:00",
            ["Gateway:RateLimit:WizardSetupAttempts"] = WizardAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RateLimit:WizardSetupWindow"] = "01:00:00",
        },
    };

    private GatewayApi _api = null!;
    private string _hostToken = null!;

    public async Task InitializeAsync()
    {
        _api = new GatewayApi(_factory.CreateClient());
        _hostToken = await _api.TokenAsync(GatewayFactory.HostClientId, _factory.HostSecret);
        await _api.CreateTenantAsync(_hostToken, "noisy", "Noisy");
        await _api.CreateTenantAsync(_hostToken, "quiet", "Quiet");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_tenant_over_its_limit_gets_429_with_retry_after_while_another_tenant_and_the_host_are_served()
    {
        var noisy = await AdminTokenAsync("noisy");
        var quiet = await AdminTokenAsync("quiet");

        for (var i = 0; i < TenantPermits; i++)
        {
            await _api.ReadOkAsync(HttpMethod.Get, "/api/tenants/noisy/profile", noisy);
        }

        using var refused = await _api.SendAsync(HttpMethod.Get, "/api/tenants/noisy/profile", noisy);
        await ProblemAssert.IsProblemAsync(refused, 429, "retry after");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 and <= 3600 }, $"Retry-After: {refused.Headers.RetryAfter}");

        await _api.ReadOkAsync(HttpMethod.Get, "/api/tenants/quiet/profile", quiet);
        await _api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants", _hostToken);
    }

    [Fact]
    public async Task Wizard_setup_attempts_over_the_limit_get_429_even_with_the_right_password()
    {
        var (clientId, secret) = await _api.RegisterClientAsync(_hostToken, "quiet", ClientScopes.TenantAdmin);
        for (var i = 0; i < WizardAttempts; i++)
        {
            using var wrong = await _api.SendAsync(HttpMethod.Post, "/api/integrations/genesys/wizard/setup", null, Setup(clientId, $"guess-{i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var refused = await _api.SendAsync(HttpMethod.Post, "/api/integrations/genesys/wizard/setup", null, Setup(clientId, secret));

        await ProblemAssert.IsProblemAsync(refused, 429, "retry after");
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    private static string Setup(string username, string password) =>
        JsonSerializer.Serialize(new { tenantName = "Quiet", username, password });

    private async Task<string> AdminTokenAsync(string tenantId)
    {
        var (clientId, secret) = await _api.RegisterClientAsync(_hostToken, tenantId, ClientScopes.TenantAdmin);
        return await _api.TokenAsync(clientId, secret, ClientScopes.TenantAdmin);
    }
}
