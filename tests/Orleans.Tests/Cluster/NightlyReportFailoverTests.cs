using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.DailyReports;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>The silo of a nightly report run killed mid-run, on two silos, real PostgreSQL and the S3 server.</summary>
public sealed class NightlyReportFailoverTests
{
    private const string Tenant = "acme";

    private const int StalledHour = 10;

    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    [Fact]
    public async Task Killing_the_runs_silo_mid_run_completes_it_on_the_survivor_storing_each_chunk_once_and_purging_only_what_CA_acknowledged()
    {
        // The put of hour 10 on the first silo that tries it waits until that silo dies, so the kill lands mid-run
        // with hours 0-9 stored and the log's purge, after the chunks, not begun.
        var stalled = DailyReportChunkName.ObjectKey(Tenant, Day, StalledHour);
        var store = new StallingStore(stalled);
        await using var cluster = await KnovvuTestCluster.StartAsync(2,
            new Dictionary<string, string?>
            {
                ["ObjectStorage:Provider"] = ObjectStorageOptions.S3Provider,
                ["ObjectStorage:ServiceUrl"] = TestEnvironment.S3Url,
                ["ObjectStorage:AccessKey"] = TestEnvironment.S3AccessKey,
                ["ObjectStorage:SecretKey"] = TestEnvironment.S3SecretKey,
                ["ObjectStorage:Bucket"] = $"reports-{Guid.NewGuid():N}",
                ["DailyReports:ResumePeriod"] = "00:00:02",
                // Several purge batches, so that the batch loop runs on the survivor.
                ["DailyReports:PurgeBatchSize"] = "2",
                // Required by every silo; the tenant's Data Feeder stays off, so nothing is published there.
                ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
            },
            services => services.AddSingleton<IObjectStore>(sp => store.Over(ActivatorUtilities.CreateInstance<S3ObjectStore>(sp))));
        var tenant = cluster.Client.GetGrain<ITenantGrain>(Tenant);
        await tenant.Create("Acme");
        await tenant.UpdateFeatures(TenantFeatures.Default with { DailyReports = new DailyReportSettings(true, 1) });
        var log = KnovvuTestCluster.ServicesOf(cluster.Silos[0]).GetRequiredService<IConversationLog>();
        var midnight = new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        for (var hour = 0; hour < 24; hour++)
        {
            await AppendAsync(log, $"c-{hour:00}", VaSessionStatus.Published, midnight.AddHours(hour).AddMinutes(17));
        }

        // Before the tenant's one month retention: CA acknowledged or never for CA (purged), waiting or parked for CA (kept).
        var expired = new DateTimeOffset(DailyReportRetention.Cutoff(DateOnly.FromDateTime(DateTime.UtcNow), 1)
            .ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).AddHours(-1);
        foreach (var id in new[] { "old-sent-1", "old-sent-2", "old-sent-3" })
        {
            await AppendAsync(log, id, VaSessionStatus.Published, expired.AddDays(-2));
            await log.MarkSentToCaAsync(Tenant, id, CancellationToken.None);
        }

        await AppendAsync(log, "old-draft", VaSessionStatus.Draft, expired);
        await AppendAsync(log, "old-unsent", VaSessionStatus.Published, expired);
        await AppendAsync(log, "old-parked", VaSessionStatus.Published, expired);
        await log.ParkForCaAsync(Tenant, "old-parked", "refused", CancellationToken.None);

        var run = cluster.Client.GetGrain<IDailyReportRunGrain>(DailyReportChunkName.FormatDay(Day));
        await run.Start();
        await store.Stalled.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var runsSilo = await cluster.SiloOfAsync(run);
        await cluster.KillAsync(runsSilo);
        var survivor = Assert.Single(cluster.Silos);

        DailyReportRunStatus status = null!;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (status = await run.GetStatus()).Completed;
            }
            catch (Exception exception) when (exception is TimeoutException or OrleansException)
            {
                return false; // The dead silo's activations answer nothing until the membership declares it dead.
            }
        }, "the run to complete on the surviving silo", TimeSpan.FromMinutes(3));

        Assert.Equal([Tenant], status.Tenants);
        Assert.Equal(24, status.ChunksStored);
        Assert.Empty(status.GaveUp);
        Assert.Equal(4, status.ConversationsPurged);
        var expected = Enumerable.Range(0, 24).Select(h => DailyReportChunkName.ObjectKey(Tenant, Day, h)).ToList();
        // The killed silo's put of hour 10 never stored; the survivor skipped hours 0-9 and stored the rest once.
        Assert.Equal(expected.Select(k => k == stalled ? 2 : 1), expected.Select(k => store.Attempts.Count(a => a == k)));
        Assert.Equal(expected, store.Stored.Keys.Order(StringComparer.Ordinal));
        Assert.All(store.Stored, stored => Assert.Equal(1, stored.Value));
        var chunks = await cluster.Client.GetGrain<IDailyReportGrain>(DailyReportChunkName.GrainKey(Tenant, Day)).GetChunks();
        Assert.All(chunks, c => Assert.Equal((ChunkState.Stored, (int?)1), (c.State, c.Conversations)));

        var survivorsStore = KnovvuTestCluster.ServicesOf(survivor).GetRequiredService<IObjectStore>();
        var listed = new List<string>();
        await foreach (var key in survivorsStore.ListAsync(DailyReportChunkName.TenantPrefix(Tenant), CancellationToken.None))
        {
            listed.Add(key);
        }

        Assert.Equal(expected, listed);
        Assert.Equal("c-10", await OnlyConversationOfAsync(survivorsStore, stalled));

        var data = KnovvuTestCluster.ServicesOf(survivor).GetRequiredService<NpgsqlDataSource>();
        Assert.Equal(
            [.. Enumerable.Range(0, 24).Select(h => $"c-{h:00}"), "old-parked", "old-unsent"],
            await ConversationsAsync(data));
    }

    private static Task AppendAsync(IConversationLog log, string id, string status, DateTimeOffset start) =>
        log.AppendAsync(new ConversationRecord(Tenant, id, ConversationRecord.VirtualAgentSource, status, "p1", "web", false,
            start, start.AddMinutes(1), $$"""{"externalId":"{{id}}"}"""), CancellationToken.None);

    private static async Task<string> OnlyConversationOfAsync(IObjectStore store, string key)
    {
        await using var stored = await store.GetAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"{key} is missing.");
        using var zip = new ZipArchive(stored.Content, ZipArchiveMode.Read);
        await using var entry = await Assert.Single(zip.Entries).OpenAsync();
        var document = await JsonNode.ParseAsync(entry);
        return (string)Assert.Single(document!["Conversations"]!.AsArray())!["externalId"]!;
    }

    private static async Task<List<string>> ConversationsAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("SELECT external_id FROM knovvu.conversations WHERE tenant_id = $1 ORDER BY external_id");
        command.Parameters.Add(new() { Value = Tenant });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// The real store of every silo (they share this instance in the test process), counting the puts tried and those
    /// that stored; the first put of <paramref name="stalledKey"/> waits until its silo stops, as if that silo died
    /// during the upload.
    /// </summary>
    private sealed class StallingStore(string stalledKey)
    {
        private int _stalls;

        public string StalledKey { get; } = stalledKey;

        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentDictionary<string, int> Stored { get; } = new(StringComparer.Ordinal);

        public ConcurrentQueue<string> Attempts { get; } = new();

        public IObjectStore Over(IObjectStore inner) => new Wrapper(this, inner);

        private sealed class Wrapper(StallingStore owner, IObjectStore inner) : IObjectStore
        {
            public async Task PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
            {
                owner.Attempts.Enqueue(key);
                if (key == owner.StalledKey && Interlocked.Increment(ref owner._stalls) == 1)
                {
                    owner.Stalled.TrySetResult();
                    // The run's token is cancelled when its silo stops, also when it is killed.
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                await inner.PutAsync(key, content, metadata, cancellationToken);
                owner.Stored.AddOrUpdate(key, 1, (_, count) => count + 1);
            }

            public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

            public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

            public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
        }
    }
}
