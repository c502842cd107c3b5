using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>
/// The product's silos (one unless asked for more) on real PostgreSQL with the Genesys Cloud and Knovvu Analytics
/// simulators over HTTP and websocket; the importer stores audio on the S3 server. What reached the calls stream shows
/// in the channels' status (calls ended) and in the conversation log (calls imported).
/// </summary>
public sealed class GenesysIntegrationHarness : IAsyncDisposable
{
    public const string Tenant = "acme";
    public const string OrgId = "org-1";

    private readonly string _bucket = $"genesys-{Guid.NewGuid():N}";
    private NpgsqlDataSource _sql = null!;

    public GenesysCloudSimulator Genesys { get; private set; } = null!;

    public KnovvuAnalyticsSimulator Ca { get; private set; } = null!;

    public KnovvuTestCluster Cluster { get; private set; } = null!;

    /// <summary>The services of the first live silo (its options, its instances).</summary>
    public IServiceProvider Services => KnovvuTestCluster.ServicesOf(Cluster.Silos[0]);

    public SimulatedOrg Org => Genesys.Org(OrgId);

    /// <summary>The integration grain. Its status asks every channel grain, which activates any that is not.</summary>
    public IGenesysIntegrationGrain Integration => Cluster.Client.GetGrain<IGenesysIntegrationGrain>(Tenant);

    public static async Task<GenesysIntegrationHarness> StartAsync(Action<GenesysSyncOptions>? sync = null, int silos = 1)
    {
        var harness = new GenesysIntegrationHarness();
        harness.Genesys = await GenesysCloudSimulator.StartAsync(new()
        {
            Clients = [new("gc-client", "gc-secret", OrgId)],
            HeartbeatInterval = TimeSpan.FromMilliseconds(300),
        });
        harness.Ca = await KnovvuAnalyticsSimulator.StartAsync(new() { Clients = [new("ca-client", "ca-secret", "ca-acme")] });
        harness.Cluster = await KnovvuTestCluster.StartAsync(silos, new Dictionary<string, string?>
        {
            // The silo validates its Kafka settings at start; no tenant here has the Data Feeder on.
            ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
        }, services =>
        {
            services.Configure<ObjectStorageOptions>(o => TestObjectStorage.UseS3(o, harness._bucket));
            services.Configure<GenesysListenerOptions>(o =>
            {
                o.HeartbeatTimeout = TimeSpan.FromSeconds(2);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(300);
            });
            services.Configure<GenesysCloudClientOptions>(o =>
            {
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                // Fifteen member pages at Genesys' default pace would make the tests slow, not better; and the
                // importer must keep up with calls ending every 25 ms.
                o.RequestsPerSecondPerTenant = 1000;
                o.ConcurrentRequestsPerTenant = 8;
            });
            services.Configure<GenesysImportOptions>(o => o.MaxConcurrentImportsPerTenant = 8);
            services.Configure<KnovvuAnalyticsClientOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(10));
            services.Configure<GenesysSyncOptions>(o => sync?.Invoke(o));
        });
        harness._sql = NpgsqlDataSource.Create(harness.Cluster.Database.ConnectionString);
        return harness;
    }

    public Task ConfigureCaAsync() => Cluster.Client.GetGrain<ICaIntegrationGrain>(Tenant)
        .Configure(new CaIntegrationSettings(Ca.BaseUrl, Ca.TokenEndpoint, "ca-client", "ca-secret", Enabled: true));

    /// <summary>How many rows of the conversation log each imported Genesys call has.</summary>
    public Task<IReadOnlyDictionary<string, long>> ImportedAsync() => ImportedCalls.CountsAsync(_sql, Tenant);

    /// <summary>Events on the durable streams (the calls stream here) that their subscriber has not handled yet.</summary>
    public async Task<long> PendingStreamEventsAsync()
    {
        await using var command = _sql.CreateCommand("SELECT count(*) FROM knovvu.stream_outbox");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Times each recording's audio was downloaded from its media URI (answered 200).</summary>
    public int Downloads(SimulatedRecording recording) =>
        Genesys.Requests.Entries.Count(e => e.Path == GenesysCloudSimulatorEndpoints.MediaPath && e.Key == recording.Id && e.StatusCode == 200);

    public GenesysInstallation Installation(SimulatedGroup group) =>
        new(OrgId, "Knovvu Analytics", "knovvu-integration", "gc-client", "gc-secret", group.Id, ApiBaseUrl: Genesys.BaseUrl, LoginBaseUrl: Genesys.LoginBaseUrl);

    /// <summary>Installs and waits for the first group sync to be stored.</summary>
    public async Task<GenesysIntegrationStatus> InstallAsync(SimulatedGroup group)
    {
        await Integration.Install(Installation(group));
        return await StatusAfterAsync(null, s => s.LastSync?.EndedAt);
    }

    /// <summary>Starts a group sync and waits for its summary.</summary>
    public async Task<GenesysIntegrationStatus> SyncAsync()
    {
        var before = (await Integration.GetStatus())?.LastSync?.EndedAt;
        await Eventually.TrueAsync(() => Integration.StartSync().Result, "a sync started");
        return await StatusAfterAsync(before, s => s.LastSync?.EndedAt);
    }

    /// <summary>Starts a reconciliation and waits for its summary.</summary>
    public async Task<GenesysIntegrationStatus> ReconcileAsync()
    {
        var before = (await Integration.GetStatus())?.LastReconciliation?.EndedAt;
        await Eventually.TrueAsync(() => Integration.StartReconciliation().Result, "a reconciliation started");
        return await StatusAfterAsync(before, s => s.LastReconciliation?.EndedAt);
    }

    /// <summary>Waits until every channel of the status is listening and the simulator shows their sockets connected.</summary>
    public Task ListeningAsync(int channels) => Eventually.TrueAsync(() =>
            Integration.GetStatus().Result is { } status && status.Channels.Count == channels && status.Channels.All(c => c.Listening)
            && Genesys.Channels.All.Count(c => c.IsConnected) == channels,
        $"{channels} channels listening", TimeSpan.FromSeconds(20));

    private async Task<GenesysIntegrationStatus> StatusAfterAsync(DateTimeOffset? before, Func<GenesysIntegrationStatus, DateTimeOffset?> ended)
    {
        GenesysIntegrationStatus? status = null;
        await Eventually.TrueAsync(() => (status = Integration.GetStatus().Result) is { } s && ended(s) is { } at && at != before,
            "the run's summary stored", TimeSpan.FromSeconds(30));
        return status!;
    }

    public async ValueTask DisposeAsync()
    {
        await _sql.DisposeAsync();
        await Cluster.DisposeAsync();
        await Ca.DisposeAsync();
        await Genesys.DisposeAsync();
    }
}
