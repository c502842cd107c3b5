using System.Text.Json;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.Clients;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>
/// Secrets are write-only: with every log category at Trace, no client secret, host secret, signing key or access
/// token appears in any log line, and no answer but the one-time registration carries a client secret.
/// </summary>
public sealed class SecretsNotLoggedTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task No_secret_or_token_appears_in_any_log_line_or_later_answer()
    {
        var api = new GatewayApi(_factory.CreateClient());
        var secrets = new List<string> { _factory.HostSecret, _factory.SigningKey };
        var answers = new List<string>();

        var hostToken = await api.TokenAsync(GatewayFactory.HostClientId, _factory.HostSecret);
        secrets.Add(hostToken);
        await api.CreateTenantAsync(hostToken, "secret-keeper", "Secret keeper");
        var (clientId, clientSecret) = await api.RegisterClientAsync(hostToken, "secret-keeper", [.. ClientScopes.TenantScopes]);
        secrets.Add(clientSecret);
        var clientToken = await api.TokenAsync(clientId, clientSecret, "tenant_admin");
        secrets.Add(clientToken);

        // Failed attempts carry secrets too: wrong secrets, a tampered token, a secret in a malformed body.
        var wrongSecret = clientSecret[..^4] + "abcd";
        secrets.Add(wrongSecret);
        (await api.RequestTokenAsync(clientId, wrongSecret)).Dispose();
        (await api.RequestTokenAsync(GatewayFactory.HostClientId, wrongSecret)).Dispose();
        var tampered = clientToken[..^6] + "AAAAAA";
        secrets.Add(tampered);
        (await api.SendAsync(HttpMethod.Get, "/api/tenants/secret-keeper/profile", tampered)).Dispose();
        (await api.SendAsync(HttpMethod.Put, "/api/host/tenants/secret-keeper/features", hostToken, $$"""{"dailyReports":{{JsonSerializer.Serialize(wrongSecret)}}""")).Dispose();

        answers.Add((await api.ReadOkAsync(HttpMethod.Get, "/api/tenants/secret-keeper/profile", clientToken)).ToJsonString());
        foreach (var path in new[] { "/api/host/tenants", "/api/host/tenants/secret-keeper", "/api/host/tenants/secret-keeper/features", "/api/host/tenants/secret-keeper/clients" })
        {
            answers.Add((await api.ReadOkAsync(HttpMethod.Get, path, hostToken)).ToJsonString());
        }

        var logs = _factory.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("/connect/token", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(answers, a => a.Contains(secret, StringComparison.Ordinal));
        }
    }
}
