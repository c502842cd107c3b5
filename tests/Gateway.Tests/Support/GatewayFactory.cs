using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KnovvuOrleans.Gateway.Tests.Support;

/// <summary>
/// The gateway as it runs (Program.cs, Kestrel on a loopback port, in-process silo), with a known host secret and
/// signing key, a clock the test can shift, and every log line at every level captured in <see cref="Logs"/> rather
/// than printed (the test log stays readable; <see cref="Output"/> shows warnings and errors of a failed test).
/// In-memory storage unless <see cref="Settings"/> say otherwise.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public const string HostClientId = "host-operator";

    public GatewayFactory() => UseKestrel(0);

    public string HostSecret { get; init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public string SigningKey { get; init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Environment { get; init; } = "Development";

    /// <summary>Configuration on top of the defaults; a null value clears a default (it reaches the gateway as "").</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public ShiftedClock Clock { get; } = new();

    /// <summary>Replaces services after the gateway registered its own (a fault-injecting decorator, for example).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>The test's output: the gateway's warnings and errors go there (shown when the test fails).</summary>
    public ITestOutputHelper? Output
    {
        get => Logs.Output;
        init => Logs.Output = value;
    }

    /// <summary>
    /// Settings of a gateway on PostgreSQL. Its silo gets free loopback ports: unset, every gateway's silo would take
    /// Orleans' fixed defaults, and gateways of tests running in parallel would meet there.
    /// </summary>
    public static Dictionary<string, string?> PostgresSettings(string connectionString) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:PostgresConnectionString"] = connectionString,
        ["Cluster:AdvertisedAddress"] = IPAddress.Loopback.ToString(),
        ["Cluster:SiloPort"] = FreePort(),
        ["Cluster:GatewayPort"] = FreePort(),
    };

    /// <summary>
    /// A gateway on PostgreSQL (<see cref="PostgresSettings"/>, then <paramref name="settings"/>); with
    /// <paramref name="sameCredentialsAs"/>, that gateway's host secret and signing key, so that its tokens open this one.
    /// </summary>
    public static GatewayFactory OnPostgres(
        string connectionString, IReadOnlyDictionary<string, string?>? settings = null, GatewayFactory? sameCredentialsAs = null)
    {
        var all = PostgresSettings(connectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return sameCredentialsAs is null
            ? new GatewayFactory { Settings = all }
            : new GatewayFactory { Settings = all, HostSecret = sameCredentialsAs.HostSecret, SigningKey = sameCredentialsAs.SigningKey };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "InMemory",
            ["Auth:HostClientId"] = HostClientId,
            ["Auth:HostClientSecret"] = HostSecret,
            ["Auth:SigningKey"] = SigningKey,
            ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
