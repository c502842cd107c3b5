using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Analysis;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Grains.Storage;
using KnovvuOrleans.Grains.Tenants;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Genesys.Bench;

/// <summary>
/// One silo on a fresh database of the bench's PostgreSQL and a bucket of its own on the Swift S3 server, wired as
/// tests/GenesysCloud.Tests' ImportHarness does: tenant "acme" with its Data Feeder on (into a connector that drops
/// the records, so Kafka is not measured) and its Genesys integration installed for the simulator's org-1.
/// </summary>
internal sealed class ImportSilo : IAsyncDisposable
{
    public const string TenantId = "acme";

    private readonly PostgresTestDatabase _database;

    private ImportSilo(PostgresTestDatabase database, TestSilo silo)
    {
        _database = database;
        Silo = silo;
    }

    public TestSilo Silo { get; }

    public static async Task<ImportSilo> StartAsync(GenesysCloudSimulator genesys, string orgId, string clientId, string clientSecret,
        IReadOnlyList<SimulatedUser> agents, int concurrency)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var bucket = $"genesys-bench-{Guid.NewGuid():N}";
        var silo = await TestSilo.StartAsync(typeof(TenantGrain).Assembly, b => b.UsePostgres(database.ConnectionString), services: services =>
        {
            services.AddKnovvuGrainServices();
            services.AddKnovvuPostgresStorage();
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

        var client = silo.Client;
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
        return new ImportSilo(database, silo);
    }

    public Task<int> QueuedForAnalysisAsync() => Silo.Services.GetRequiredService<IAnalysisQueue>().CountAsync(TenantId, default);

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class DroppedFeed : IDataFeederConnector
    {
        public Task PublishAsync(DataFeederDestination destination, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
