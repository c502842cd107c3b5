using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Grains.Storage;
using KnovvuOrleans.Grains.Tenants;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>
/// One silo on real PostgreSQL with the Genesys Cloud and Knovvu Analytics simulators over HTTP and websocket; the
/// calls stream goes to <see cref="CallRecorderGrain"/> as well as to the importer, which stores audio on the S3 server.
/// </summary>
public sealed class GenesysIntegrationHarness : IAsyncDisposable
{
    public const string Tenant = "acme";
    public const string OrgId = "org-1";

    private readonly string _bucket = $"genesys-{Guid.NewGuid():N}";
    private PostgresTestDatabase _database = null!;
    private NpgsqlDataSource _sql = null!;

    public GenesysCloudSimulator Genesys { get; private set; } = null!;

    public KnovvuAnalyticsSimulator Ca { get; private set; } = null!;

    public TestSilo Silo { get; private set; } = null!;

    public RecordedCalls Calls { get; } = new();

    public SimulatedOrg Org => Genesys.Org(OrgId);

    public IGenesysIntegrationGrain Integration => Silo.Client.GetGrain<IGenesysIntegrationGrain>(Tenant);

    public static async Task<GenesysIntegrationHarness> StartAsync(Action<GenesysSyncOptions>? sync = null)
    {
        var harness = new GenesysIntegrationHarness();
        harness._database = await PostgresTestDatabase.CreateAsync();
        harness._sql = NpgsqlDataSource.Create(harness._database.ConnectionString);
        harness.Genesys = await GenesysCloudSimulator.StartAsync(new()
        {
            Clients = [new("gc-client", "gc-secret", OrgId)],
            HeartbeatInterval = TimeSpan.FromMilliseconds(300),
        });
        harness.Ca = await KnovvuAnalyticsSimulator.StartAsync(new() { Clients = [new("ca-client", "ca-secret", "ca-acme")] });
        harness.Silo = await TestSilo.StartAsync(typeof(TenantGrain).Assembly,
            b => b.UsePostgres(harness._database.ConnectionString).AddGrains(typeof(CallRecorderGrain).Assembly),
            services: services =>
            {
                services.AddKnovvuGrainServices();
                services.AddKnovvuPostgresStorage();
                services.AddSingleton(harness.Calls);
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
                    // importer must keep up with calls ending every 25 ms, since CallRecorderGrain gets each batch of
                    // the calls stream only after the importer took it (subscribers of a stream share its cursor).
                    o.RequestsPerSecondPerTenant = 1000;
                    o.ConcurrentRequestsPerTenant = 8;
                });
                services.Configure<GenesysImportOptions>(o => o.MaxConcurrentImportsPerTenant = 8);
                services.Configure<KnovvuAnalyticsClientOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(10));
                services.Configure<GenesysSyncOptions>(o => sync?.Invoke(o));
            });
        return harness;
    }

    public Task ConfigureCaAsync() => Silo.Client.GetGrain<ICaIntegrationGrain>(Tenant)
        .Configure(new CaIntegrationSettings(Ca.BaseUrl, Ca.TokenEndpoint, "ca-client", "ca-secret", Enabled: true));

    /// <summary>How many rows of the conversation log each imported Genesys call has.</summary>
    public Task<IReadOnlyDictionary<string, long>> ImportedAsync() => ImportedCalls.CountsAsync(_sql, Tenant);

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
        await Silo.DisposeAsync();
        await _sql.DisposeAsync();
        await Ca.DisposeAsync();
        await Genesys.DisposeAsync();
        await _database.DisposeAsync();
    }
}
