using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Analysis;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Genesys.Bench;

/// <summary>
/// One silo of an Orleans test cluster on a fresh database of the bench's PostgreSQL and a bucket of its own on the
/// Swift S3 server, wired as tests/GenesysCloud.Tests' ImportHarness does: tenant "acme" with its Data Feeder on (into
/// a connector that drops the records, so Kafka is not measured) and its Genesys integration installed for the
/// simulator's org-1.
/// </summary>
internal sealed class ImportSilo : IAsyncDisposable
{
    public const string TenantId = "acme";

    private readonly KnovvuTestCluster _cluster;

    private ImportSilo(KnovvuTestCluster cluster)
    {
        _cluster = cluster;
    }

    /// <summary>The silo's services (its Genesys client and object store, for the raw path).</summary>
    public IServiceProvider Services => KnovvuTestCluster.ServicesOf(_cluster.Silos[0]);

    public string ConnectionString => _cluster.Database.ConnectionString;

    public static async Task<ImportSilo> StartAsync(GenesysCloudSimulator genesys, string orgId, string clientId, string clientSecret,
        IReadOnlyList<SimulatedUser> agents, int concurrency)
    {
        var bucket = $"genesys-bench-{Guid.NewGuid():N}";
        var cluster = await KnovvuTestCluster.StartAsync(1, new Dictionary<string, string?>
        {
            // The silo validates its Kafka settings at start; the records are dropped instead.
            ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
        }, services =>
        {
            services.AddSingleton<IDataFeederConnector, DroppedFeed>();
            services.Configure<ObjectStorageOptions>(o => TestObjectStorage.UseS3(o, bucket));
            // The simulator has no rate limit; the default per-org limits would be the figure.
            services.Configure<GenesysCloudClientOptions>(o =>
            {
                o.RequestsPerSecondPerTenant = 1000;
                o.ConcurrentRequestsPerTenant = concurrency;
            });
            services.Configure<GenesysImportOptions>(o => o.MaxConcurrentImportsPerTenant = concurrency);
        });

        var client = cluster.Client;
        var tenant = client.GetGrain<ITenantGrain>(TenantId);
        await tenant.Create("Acme");
        await tenant.UpdateFeatures(TenantFeatures.Default with
        {
            DataFeeder = new DataFeederSettings(true, DataFeederEventTypes.All, "genesys-bench"),
        });
        var group = genesys.Org(orgId).AddGroup("Knovvu Analytics", agents);
        await client.GetGrain<IGenesysIntegrationGrain>(TenantId).Install(new GenesysInstallation(
            orgId, "Knovvu Analytics", "knovvu", clientId, clientSecret, group.Id, null, genesys.BaseUrl, genesys.LoginBaseUrl));
        await client.GetGrain<IGenesysChannelGrain>(GenesysChannelKey.For(TenantId, 0)).Assign(new GenesysChannelAssignment(
            genesys.BaseUrl, genesys.LoginBaseUrl, clientId, clientSecret, agents.Select(a => a.Id).ToList()));
        await Eventually.TrueAsync(() => genesys.Channels.All.Any(c => c.IsConnected), "the channel's socket connected");
        return new ImportSilo(cluster);
    }

    public Task<int> QueuedForAnalysisAsync() => Services.GetRequiredService<IAnalysisQueue>().CountAsync(TenantId, default);

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
    }

    private sealed class DroppedFeed : IDataFeederConnector
    {
        public Task PublishAsync(DataFeederDestination destination, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
