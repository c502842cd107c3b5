using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Analysis;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;

namespace KnovvuOrleans.GenesysCloud.Tests.Import;

/// <summary>
/// The importer as the silo runs it, on a one-silo test cluster on a fresh PostgreSQL database, a fresh bucket of the
/// Swift S3 server and the Genesys Cloud simulator: tenant "acme" with its Data Feeder on (recorded by
/// <see cref="Feed"/>) and its Genesys integration installed for org-1, whose agents are in one group. The silo can be
/// killed and another started on the same database.
/// </summary>
public sealed class ImportHarness : IAsyncDisposable
{
    public const string TenantId = "acme";

    private readonly KnovvuTestCluster _cluster;
    private readonly NpgsqlDataSource _sql;

    private ImportHarness(KnovvuTestCluster cluster, GenesysCloudSimulator genesys, RecordedFeed feed)
    {
        _cluster = cluster;
        Genesys = genesys;
        Feed = feed;
        _sql = NpgsqlDataSource.Create(cluster.Database.ConnectionString);
    }

    public GenesysCloudSimulator Genesys { get; }

    public RecordedFeed Feed { get; }

    public IReadOnlyList<SimulatedUser> Agents { get; private set; } = [];

    /// <summary>The services of the live silo.</summary>
    public IServiceProvider Services => KnovvuTestCluster.ServicesOf(_cluster.Silos.Single());

    public IClusterClient Client => _cluster.Client;

    public IObjectStore Objects => Services.GetRequiredService<IObjectStore>();

    /// <param name="import">Changes to the import options of the tests (short retry delay, 8 at a time, 5 s batch budget).</param>
    public static async Task<ImportHarness> StartAsync(int agents, Action<GenesysImportOptions>? import = null)
    {
        var genesys = await GenesysCloudSimulator.StartAsync(new()
        {
            Clients = [new("gc-client", "gc-secret", "org-1")],
            HeartbeatInterval = TimeSpan.FromMilliseconds(300),
        });
        var feed = new RecordedFeed();
        var bucket = $"genesys-{Guid.NewGuid():N}";
        var cluster = await KnovvuTestCluster.StartAsync(1, new Dictionary<string, string?>
        {
            // The silo validates its Kafka settings at start; the records go to the recorded feed instead.
            ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
        }, services =>
        {
            services.AddSingleton<IDataFeederConnector>(feed);
            services.Configure<ObjectStorageOptions>(o => TestObjectStorage.UseS3(o, bucket));
            services.Configure<GenesysCloudClientOptions>(o =>
            {
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                o.RequestsPerSecondPerTenant = 1000;
                o.ConcurrentRequestsPerTenant = 8;
            });
            services.Configure<GenesysImportOptions>(o =>
            {
                o.RecordingRetryDelay = TimeSpan.FromMilliseconds(300);
                o.MaxConcurrentImportsPerTenant = 8;
                o.BatchTimeBudget = TimeSpan.FromSeconds(5);
                import?.Invoke(o);
            });
            services.Configure<GenesysListenerOptions>(o => o.HeartbeatTimeout = TimeSpan.FromSeconds(2));
        });
        var harness = new ImportHarness(cluster, genesys, feed);
        var org = genesys.Org("org-1");
        harness.Agents = org.AddUsers(agents);
        var group = org.AddGroup("Knovvu Analytics", harness.Agents);

        var tenant = harness.Client.GetGrain<ITenantGrain>(TenantId);
        await tenant.Create("Acme");
        await tenant.UpdateFeatures(TenantFeatures.Default with
        {
            DataFeeder = new DataFeederSettings(true, DataFeederEventTypes.All, "genesys-import-test"),
        });
        await harness.Client.GetGrain<IGenesysIntegrationGrain>(TenantId).Install(new GenesysInstallation(
            "org-1", "Knovvu Analytics", "knovvu", "gc-client", "gc-secret", group.Id, null, genesys.BaseUrl, genesys.LoginBaseUrl));
        return harness;
    }

    /// <summary>Crashes the silo and starts another on the same database: only what PostgreSQL holds carries over.</summary>
    public async Task ReplaceSiloAsync()
    {
        await _cluster.KillAsync(_cluster.Silos.Single());
        await _cluster.StartAdditionalSiloAsync();
        // With its only silo gone the client has no gateway until its next refresh of the list (1 s): a call before
        // that fails with "No gateways available", as this test's did on a loaded machine.
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                return true;
            }
            catch (OrleansMessageRejectionException)
            {
                return false;
            }
        }, "the client reached the new silo");
    }

    /// <summary>Puts the calls' ended events on the tenant's calls stream in one publish, as a channel would.</summary>
    public Task PublishCallsEndedAsync(IEnumerable<SimulatedConversation> calls) =>
        Services.GetRequiredService<DurableStreamPublisher>().PublishAsync(GenesysCallsStream.Namespace, TenantId,
            calls.Select(c => new StreamEvent<GenesysCallEnded>(Guid.CreateVersion7(), DateTimeOffset.UtcNow,
                new GenesysCallEnded(TenantId, c.Id, c.AgentUserId, c.End))).ToList());

    /// <summary>Listens to every agent's calls on one channel, and waits until its socket is connected.</summary>
    public async Task ListenAsync()
    {
        await Client.GetGrain<IGenesysChannelGrain>(GenesysChannelKey.For(TenantId, 0)).Assign(new GenesysChannelAssignment(
            Genesys.BaseUrl, Genesys.LoginBaseUrl, "gc-client", "gc-secret", Agents.Select(a => a.Id).ToList()));
        await Eventually.TrueAsync(() => Genesys.Channels.All.Any(c => c.IsConnected), "the channel's socket connected");
    }

    public Task<GenesysImporterStatus> ImporterStatusAsync() => Client.GetGrain<IGenesysCallImporterGrain>(TenantId).GetStatus();

    public Task<int> QueuedForAnalysisAsync() => Services.GetRequiredService<IAnalysisQueue>().CountAsync(TenantId, default);

    /// <summary>How many rows of the conversation log each Genesys conversation has.</summary>
    public Task<IReadOnlyDictionary<string, long>> LoggedGenesysCallsAsync() => ImportedCalls.CountsAsync(_sql, TenantId);

    /// <summary>The call's document in the conversation log: its details and stored recordings.</summary>
    public async Task<GenesysCallDocument> DocumentOfAsync(string conversationId)
    {
        await using var command = _sql.CreateCommand("SELECT document FROM knovvu.conversations WHERE tenant_id = $1 AND external_id = $2");
        command.Parameters.Add(new() { Value = TenantId });
        command.Parameters.Add(new() { Value = conversationId });
        return System.Text.Json.JsonSerializer.Deserialize<GenesysCallDocument>((string)(await command.ExecuteScalarAsync())!)!;
    }

    /// <summary>The call grains' reminders in Orleans' reminder table (grain ids read "genesys-call/{key}").</summary>
    public async Task<long> RetryRemindersAsync()
    {
        await using var command = _sql.CreateCommand("SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE 'genesys-call/%'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Times each recording's audio was downloaded from its media URI (answered 200).</summary>
    public int Downloads(SimulatedRecording recording) =>
        Genesys.Requests.Entries.Count(e => e.Path == GenesysCloudSimulatorEndpoints.MediaPath && e.Key == recording.Id && e.StatusCode == 200);

    /// <summary>Fails unless every recording of the calls is stored, byte for byte, under its key.</summary>
    public async Task AssertAudioStoredAsync(IEnumerable<SimulatedConversation> calls)
    {
        var recordings = calls.SelectMany(c => c.Recordings).ToList();
        await Parallel.ForEachAsync(recordings, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (recording, _) =>
        {
            var key = GenesysRecordingKeys.For(TenantId, recording.ConversationId, recording.Id, GenesysCloudApi.RecordingFormats.Wav);
            await using var stored = await Objects.GetAsync(key, default) ?? throw new Xunit.Sdk.XunitException($"{key} is not stored");
            using var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy);
            Assert.True(recording.GetAudio().AsSpan().SequenceEqual(copy.ToArray()), $"{key} holds other bytes than recording {recording.Id}");
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _sql.DisposeAsync();
        await _cluster.DisposeAsync();
        await Genesys.DisposeAsync();
    }
}
