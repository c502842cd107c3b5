using System.Diagnostics;
using System.Globalization;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Hosting;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnovvuOrleans.Cluster.Bench;

/// <summary>
/// Memory of idle conversations: one silo process (src/Silo on a fresh PostgreSQL database) measured holding no
/// conversation activation, then holding <see cref="Conversations"/> of them, each activated by a real ingest of a
/// published VA session (its state read from PostgreSQL, the conversation recorded, its state written) and left idle.
/// The silo's resident set (VmRSS) is read after a full garbage collection, forced through the management grain.
/// </summary>
public static class IdleMemoryBench
{
    private const int Conversations = 100_000;
    private const int InFlight = 64;
    private const int Readings = 3;
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    // Long enough that no conversation is collected between its activation and the last reading.
    private const string CollectionAge = "02:00:00";

    public static async Task RunAsync()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("knovvu-memory-");
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = StorageOptions.Postgres,
            ["Storage:PostgresConnectionString"] = database.ConnectionString,
            ["Cluster:ClusterId"] = $"memory-{Guid.NewGuid():N}"[..20],
            ["Cluster:CollectionAge"] = CollectionAge,
            // The ingests queue behind each other on two cores; the client's 2 s default is for interactive calls.
            ["Cluster:ClientResponseTimeout"] = "00:01:00",
            ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
            ["ObjectStorage:LocalPath"] = Path.Combine(folder.FullName, "objects"),
        };
        var silo = SiloProcess.Start(SiloProcess.BuiltBeside(typeof(IdleMemoryBench).Assembly), SiloPorts.Free(1)[0], settings);
        IHost? client = null;
        try
        {
            await silo.WaitReadyAsync(StartLimit);
            client = await FailoverBench.ConnectAsync(settings);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var management = grains.GetGrain<IManagementGrain>(0);
            const string tenant = "memory-bench";
            await grains.GetGrain<ITenantGrain>(tenant).Create("Memory bench");

            var empty = await ResidentAfterFullCollectionAsync(management, silo.Pid);
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, Conversations), new ParallelOptions { MaxDegreeOfParallelism = InFlight },
                async (i, _) => await IngestAsync(grains, tenant, $"idle-{i:D6}"));
            var activationSeconds = clock.Elapsed.TotalSeconds;
            var loaded = await ResidentAfterFullCollectionAsync(management, silo.Pid);

            // Checked, not assumed: every conversation is still active when the silo is measured.
            var held = (await management.GetSimpleGrainStatistics())
                .Where(s => s.GrainType.Contains("Conversation", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
            Console.Error.WriteLine($"idle-memory: {Conversations} conversations activated in {activationSeconds:0.0} s "
                + $"({Conversations / activationSeconds:0} /s); {held} conversation activations on the silo at the last reading");
            if (held < Conversations)
            {
                throw new InvalidOperationException($"Only {held} of {Conversations} conversations were still active when measured.");
            }

            var setup = $"1 silo process (src/Silo, Orleans 10.4.2, PostgreSQL storage, workstation GC), VmRSS after a forced full GC, median of {Readings} readings";
            BenchReport.Figure("idle_activation_rss_empty_bytes", "bytes", $"{setup}; one tenant, no conversation activation", empty);
            BenchReport.Figure("idle_activation_rss_loaded_bytes", "bytes",
                $"{setup}; {Conversations} idle ConversationGrain activations, each activated by IngestVaSession of a published session (2 messages), Cluster:CollectionAge={CollectionAge}",
                loaded);
            BenchReport.Ratio("idle_activation_rss_bytes_per_activation", (BenchReport.Median(loaded) - BenchReport.Median(empty)) / Conversations,
                $"(loaded median - empty median) / {Conversations}, same silo process, same run", "bytes/activation");
        }
        catch
        {
            Console.Error.WriteLine($"idle-memory failed; the silo's last lines:{Environment.NewLine}{silo.Tail}");
            throw;
        }
        finally
        {
            if (client is not null)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.StopAsync(stop.Token);
                client.Dispose();
            }

            silo.Dispose();
            folder.Delete(recursive: true);
        }
    }

    private static Task<IngestOutcome> IngestAsync(IGrainFactory grains, string tenant, string externalId)
    {
        var start = new DateTimeOffset(2026, 1, 22, 8, 0, 0, TimeSpan.Zero);
        return grains.GetGrain<IConversationGrain>(ConversationKey.For(tenant, externalId)).IngestVaSession(new VaSession
        {
            ExternalId = externalId,
            Status = VaSessionStatus.Published,
            ProjectId = "p1",
            ChannelId = "web",
            StartTime = start,
            EndTime = start.AddSeconds(30),
            Messages =
            [
                new VaMessage(start, "Merhaba, ben Knovvu Sanal Asistan. Size nasıl yardımcı olabilirim?", VaMessage.AgentSide),
                new VaMessage(start.AddSeconds(10), "Faturamı öğrenmek istiyorum.", VaMessage.CustomerSide),
            ],
        }, isCall: false);
    }

    /// <summary>
    /// The silo's VmRSS in bytes, <see cref="Readings"/> times, after a forced full collection (twice, so objects freed by
    /// finalizers go too) and a few seconds for the runtime to hand freed memory back to the system.
    /// </summary>
    private static async Task<double[]> ResidentAfterFullCollectionAsync(IManagementGrain management, int pid)
    {
        var silos = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        await management.ForceGarbageCollection(silos);
        await management.ForceGarbageCollection(silos);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var readings = new double[Readings];
        for (var r = 0; r < Readings; r++)
        {
            readings[r] = ResidentBytes(pid);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return readings;
    }

    private static double ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        // "VmRSS:    123456 kB"
        return 1024.0 * long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
