using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orleans.Configuration;

namespace KnovvuOrleans.VirtualAgent.Bench;

/// <summary>
/// The gateway as it runs (Program.cs on Kestrel) on the bench's PostgreSQL: with its in-process silo, or, given the
/// cluster options of silos already running (<paramref name="clientOf"/>), as a client of them.
/// </summary>
internal sealed class BenchGateway(string connectionString, ClusterOptions? clientOf = null) : WebApplicationFactory<Program>
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
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (clientOf is not null)
        {
            builder.UseSetting("Cluster:HostSilo", "false");
            builder.UseSetting("Cluster:ClusterId", clientOf.ClusterId);
            builder.UseSetting("Cluster:ServiceId", clientOf.ServiceId);
            // Batches of 500 sessions queue behind each other on two cores; the 2 s default is for interactive calls.
            builder.UseSetting("Cluster:ClientResponseTimeout", "00:01:00");
        }
    }
}
