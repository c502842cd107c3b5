using System.Runtime.Versioning;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>
/// Without a configured signing key or host secret, Development generates both into owner-only files and keeps them
/// across restarts; any other environment refuses to start.
/// </summary>
public sealed class DevelopmentCredentialsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("knovvu-gateway-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes; the suite runs on Debian
    public async Task Development_generates_the_key_and_host_secret_once_and_keeps_them_out_of_the_logs()
    {
        var keyPath = Path.Combine(_folder, "keys", "signing-key");
        var secretPath = Path.Combine(_folder, "keys", "host-client-secret");
        var settings = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = null,
            ["Auth:HostClientSecret"] = null,
            ["Auth:DevelopmentKeyPath"] = keyPath,
            ["Auth:DevelopmentHostSecretPath"] = secretPath,
        };

        string token;
        await using (var first = new GatewayFactory { Settings = settings })
        {
            var api = new GatewayApi(first.CreateClient());
            var hostSecret = await File.ReadAllTextAsync(secretPath);
            var signingKey = await File.ReadAllTextAsync(keyPath);
            token = await api.TokenAsync(GatewayFactory.HostClientId, hostSecret);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretPath));
            Assert.Contains(first.Logs.Lines, l => l.Contains(secretPath, StringComparison.Ordinal));
            Assert.DoesNotContain(first.Logs.Lines, l => l.Contains(hostSecret, StringComparison.Ordinal));
            Assert.DoesNotContain(first.Logs.Lines, l => l.Contains(signingKey, StringComparison.Ordinal));
        }

        var key = await File.ReadAllTextAsync(keyPath);
        await using var second = new GatewayFactory { Settings = settings };
        var tenants = await new GatewayApi(second.CreateClient()).ReadOkAsync(HttpMethod.Get, "/api/host/tenants", token);

        Assert.Empty(tenants.AsArray());
        Assert.Equal(key, await File.ReadAllTextAsync(keyPath));
    }

    [Theory]
    [InlineData("Auth:SigningKey", "Auth:SigningKey must be set outside Development")]
    [InlineData("Auth:HostClientSecret", "Auth:HostClientSecret must be set outside Development")]
    public async Task Outside_Development_a_missing_credential_stops_the_start(string setting, string message)
    {
        await using var gateway = new GatewayFactory
        {
            Environment = "Production",
            Settings = new Dictionary<string, string?> { [setting] = null },
        };

        var exception = Record.Exception(() => gateway.CreateClient());

        Assert.NotNull(exception);
        Assert.Contains(message, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_key_shorter_than_32_bytes_stops_the_start_without_showing_it()
    {
        var shortKey = Convert.ToBase64String(new byte[31]);
        await using var gateway = new GatewayFactory { SigningKey = shortKey };

        var exception = Record.Exception(() => gateway.CreateClient());

        Assert.NotNull(exception);
        Assert.Contains("Auth:SigningKey must be base64 of at least 32 bytes", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, exception.ToString(), StringComparison.Ordinal);
    }
}
