using System.Diagnostics;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Hosting;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KnovvuOrleans.Cluster.Bench;

/// <summary>
/// Failover of real silo processes with the product's default membership settings: 3 silos on a fresh database, a
/// client activates product grains, the silo holding most of them is killed (SIGKILL) or frozen (SIGSTOP), and the
/// clock runs until every grain that lived there has answered again. Each run on a new cluster; details on stderr.
/// </summary>
public static class FailoverBench
{
    private const int Silos = 3;
    private const int Grains = 20;
    private const int DeadStatus = 6;
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    // Bounds the bench, never the figure: a run that reaches it fails.
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromMinutes(2);

    /// <param name="settings">Configuration over the product's defaults for the silos and the client alike.</param>
    public static async Task RunAsync(IReadOnlyDictionary<string, string> settings, bool kill, bool freeze)
    {
        var changed = settings.Count == 0 ? "product defaults" : string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));
        string Setup(string how) => $"{Silos} silo processes (src/Silo, Orleans 10.4.2, PostgreSQL clustering), {changed}; {Grains} tenant grains "
            + $"activated from a client; from the {how} of the silo holding most of them until every one of those answered the client again";

        if (kill)
        {
            var killed = new double[5];
            for (var r = 0; r < killed.Length; r++)
            {
                killed[r] = await RunOnceAsync(settings, freeze: false, $"kill-9 run {r + 1}");
            }

            BenchReport.Figure("failover_kill9_seconds", "s", Setup("kill -9"), killed, digits: 2);
        }

        if (freeze)
        {
            var frozen = new double[3];
            for (var r = 0; r < frozen.Length; r++)
            {
                frozen[r] = await RunOnceAsync(settings, freeze: true, $"SIGSTOP run {r + 1}");
            }

            BenchReport.Figure("failover_sigstop_seconds", "s", Setup("SIGSTOP"), frozen, digits: 2);
        }
    }

    private static async Task<double> RunOnceAsync(IReadOnlyDictionary<string, string> overrides, bool freeze, string name)
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("knovvu-failover-");
        var siloAssembly = SiloProcess.BuiltBeside(typeof(FailoverBench).Assembly);
        var clusterId = $"bench-{Guid.NewGuid():N}"[..20];
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = StorageOptions.Postgres,
            ["Storage:PostgresConnectionString"] = database.ConnectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
            // Nothing of the bench run is written beside the build output.
            ["ObjectStorage:LocalPath"] = Path.Combine(folder.FullName, "objects"),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var silos = new List<SiloProcess>();
        IHost? client = null;
        var measured = false;
        try
        {
            // One after another, as a deployment rolls them out: three silos starting at once on two cores can stall
            // a start-up grain call past a short response timeout.
            foreach (var free in SiloPorts.Free(Silos))
            {
                silos.Add(SiloProcess.Start(siloAssembly, free, settings));
                await silos[^1].WaitReadyAsync(StartLimit);
            }

            client = await ConnectAsync(settings);
            var factory = client.Services.GetRequiredService<IClusterClient>();
            var management = factory.GetGrain<IManagementGrain>(0);
            await WaitAsync(async () => (await management.GetHosts(onlyActive: true)).Count == Silos, $"{Silos} active silos");

            var tenants = Enumerable.Range(0, Grains).Select(i => factory.GetGrain<ITenantGrain>($"failover-{i}")).ToList();
            await Task.WhenAll(tenants.Select(t => PatientlyAsync(() => t.Create($"Failover {t.GetPrimaryKeyString()}"))));
            var ports = new Dictionary<ITenantGrain, int>();
            foreach (var tenant in tenants)
            {
                _ = await PatientlyAsync(tenant.GetFeatures) ?? throw new InvalidOperationException($"{tenant} was not created.");
                ports[tenant] = (await management.GetActivationAddress(tenant))?.Endpoint.Port
                    ?? throw new InvalidOperationException($"{tenant} has no activation.");
            }

            var victim = silos.MaxBy(s => ports.Values.Count(p => p == s.SiloPort))!;
            var lived = tenants.Where(t => ports[t] == victim.SiloPort).ToList();

            // The clock starts once the signal is sent; the grains are called at once, as a client unaware of it would.
            if (freeze)
            {
                await victim.FreezeAsync();
            }
            else
            {
                victim.Kill();
            }

            var clock = Stopwatch.StartNew();

            var declaredDead = DeclaredDeadAsync(database.ConnectionString, clusterId, victim.SiloPort, clock);
            var answers = await Task.WhenAll(lived.Select(t => FirstAnswerAsync(t, clock)));
            var seconds = answers.Max(a => a.Seconds);
            Console.Error.WriteLine($"{name}: {lived.Count} of {Grains} grains on the victim; answered again after "
                + $"{answers.Min(a => a.Seconds):0.00}..{seconds:0.00} s; victim Dead in the membership table after {await declaredDead:0.00} s; "
                + $"failed attempts: {string.Join(", ", answers.SelectMany(a => a.Failures).GroupBy(f => f).Select(g => $"{g.Count()} x {g.Key}"))}; "
                + $"longest attempt {answers.Max(a => a.LongestAttempt):0.00} s");
            measured = true;
            return seconds;
        }
        finally
        {
            if (client is not null)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.StopAsync(stop.Token);
                client.Dispose();
            }

            foreach (var silo in silos)
            {
                if (!measured)
                {
                    Console.Error.WriteLine($"{name} failed; silo {silo.SiloPort}'s last lines:{Environment.NewLine}{silo.Tail}");
                }

                silo.Dispose();
            }

            folder.Delete(recursive: true);
        }
    }

    /// <summary>An Orleans client of silo processes started with <paramref name="settings"/>, logging nothing.</summary>
    internal static async Task<IHost> ConnectAsync(IReadOnlyDictionary<string, string> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        // Stdout carries the figures only.
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c => c.AddKnovvu());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Calls the grain until it answers; every failed attempt is noted with what it threw.</summary>
    private static async Task<(double Seconds, List<string> Failures, double LongestAttempt)> FirstAnswerAsync(ITenantGrain tenant, Stopwatch clock)
    {
        var failures = new List<string>();
        var longest = 0.0;
        while (true)
        {
            var started = clock.Elapsed;
            try
            {
                _ = await tenant.GetFeatures() ?? throw new InvalidOperationException($"{tenant} lost its state in the failover.");
                return (clock.Elapsed.TotalSeconds, failures, Math.Max(longest, (clock.Elapsed - started).TotalSeconds));
            }
            catch (Exception e) when (e is not InvalidOperationException && clock.Elapsed < AnswerLimit)
            {
                failures.Add(e.GetType().Name);
                longest = Math.Max(longest, (clock.Elapsed - started).TotalSeconds);
                await Task.Delay(10);
            }
        }
    }

    /// <summary>When the victim's row in the membership table turned Dead (seconds on the run's clock).</summary>
    private static async Task<double> DeclaredDeadAsync(string connectionString, string clusterId, int port, Stopwatch clock)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Port = @port AND Status = @dead", connection);
        query.Parameters.AddWithValue("cluster", clusterId);
        query.Parameters.AddWithValue("port", port);
        query.Parameters.AddWithValue("dead", DeadStatus);
        while ((long)(await query.ExecuteScalarAsync())! == 0)
        {
            if (clock.Elapsed > AnswerLimit)
            {
                throw new TimeoutException($"The silo on port {port} was never declared dead.");
            }

            await Task.Delay(50);
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// A set-up call, tried again when it times out: first activations on a new database (and a busy machine) can
    /// outlast a short response timeout under test. Create is idempotent, reads are.
    /// </summary>
    private static async Task<T> PatientlyAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > StartLimit)
            {
                throw new TimeoutException($"Not reached in {StartLimit}: {what}.");
            }

            await Task.Delay(200);
        }
    }
}
