using System.Globalization;
using System.Security.Cryptography;
using KnovvuOrleans.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnovvuOrleans.VirtualAgent.Bench;

/// <summary>
/// The gateway as it runs (Program.cs on Kestrel, in-process silo) on the bench's PostgreSQL; given a cluster id, its
/// silo joins that cluster on free loopback ports, so that several gateways in this process make one cluster.
/// </summary>
/// <param name="kafkaBootstrapServers">The Data Feeder's Kafka endpoint; null: the default, which no bench tenant uses.</param>
/// <param name="tenantIngestLimited">
/// Keep the per-tenant session rate (Gateway:RateLimit:TenantSessionsPerSecond) at its default, for the bench of what it
/// is for (noisy neighbours); otherwise it is lifted, as that rate would be the figure of a bench of the system.
/// </param>
internal sealed class BenchGateway(string connectionString, string? clusterId = null, string? kafkaBootstrapServers = null, bool tenantIngestLimited = false)
    : WebApplicationFactory<Program>
{
    public string HostSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public BenchGateway Start()
    {
        // The factory looks for the gateway's project folder by its assembly name; the build output serves as well.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KNOVVUORLEANS_GATEWAY", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:Provider", "Postgres");
        builder.UseSetting("Storage:PostgresConnectionString", connectionString);
        builder.UseSetting("Auth:HostClientId", "host-operator");
        builder.UseSetting("Auth:HostClientSecret", HostSecret);
        builder.UseSetting("Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // The per-tenant rate limit (100 requests/s by default) would be the figure; the bench measures the system.
        builder.UseSetting("KnovvuAnalytics:Client:RequestsPerSecondPerTenant", "100000");
        builder.UseSetting("KnovvuAnalytics:Client:ConcurrentRequestsPerTenant", "32");
        builder.UseSetting("KnovvuAnalytics:Sync:Concurrency", "32");
        if (!tenantIngestLimited)
        {
            builder.UseSetting("Gateway:RateLimit:TenantSessionsPerSecond", "1000000");
        }

        if (kafkaBootstrapServers is not null)
        {
            builder.UseSetting("DataFeeder:Kafka:BootstrapServers", kafkaBootstrapServers);
        }

        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (clusterId is not null)
        {
            var ports = SiloPorts.Free(1)[0];
            builder.UseSetting("Cluster:ClusterId", clusterId);
            builder.UseSetting("Cluster:ServiceId", clusterId);
            builder.UseSetting("Cluster:SiloPort", ports.Silo.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Cluster:GatewayPort", ports.Gateway.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Cluster:AdvertisedAddress", "127.0.0.1");
        }
    }
}
