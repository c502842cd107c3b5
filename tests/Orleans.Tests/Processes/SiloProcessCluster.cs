using System.Net;
using System.Net.Sockets;
using System.Reflection;
using KnovvuOrleans.Hosting;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace KnovvuOrleans.Orleans.Tests.Processes;

/// <summary>
/// Silo processes of the product on loopback TCP (not TestingHost's in-memory transport) on a fresh database, and an
/// Orleans client in the test process configured the way the client-only gateway is (<see cref="KnovvuSilo.AddKnovvu(IClientBuilder)"/>).
/// Every process is killed on dispose, whatever happened before.
/// </summary>
internal sealed class SiloProcessCluster : IAsyncDisposable
{
    // A silo process starts in seconds on an idle machine, but three at once on a loaded two-core one took up to a
    // minute here; a process that exits fails the start at once.
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    private SiloProcessCluster(PostgresTestDatabase database, string clusterId)
    {
        Database = database;
        ClusterId = clusterId;
    }

    public PostgresTestDatabase Database { get; }

    public string ClusterId { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    /// <param name="clientResponseTimeout">How long one call of the client waits: short, so a call lost with a silo is retried soon.</param>
    public static async Task<SiloProcessCluster> StartAsync(int silos, TimeSpan clientResponseTimeout)
    {
        var cluster = new SiloProcessCluster(await PostgresTestDatabase.CreateAsync(), $"proc-{Guid.NewGuid():N}"[..13]);
        try
        {
            var siloAssembly = SiloAssembly();
            var ports = FreePorts(silos * 3);
            for (var i = 0; i < silos; i++)
            {
                var (siloPort, gatewayPort, httpPort) = (ports[3 * i], ports[3 * i + 1], ports[3 * i + 2]);
                cluster._silos.Add(SiloProcess.Start(siloAssembly, siloPort, httpPort, new Dictionary<string, string>
                {
                    ["Storage__Provider"] = StorageOptions.Postgres,
                    ["Storage__PostgresConnectionString"] = cluster.Database.ConnectionString,
                    ["Cluster__ClusterId"] = cluster.ClusterId,
                    ["Cluster__SiloPort"] = $"{siloPort}",
                    ["Cluster__GatewayPort"] = $"{gatewayPort}",
                    ["Cluster__AdvertisedAddress"] = "127.0.0.1",
                    ["DataFeeder__Kafka__BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
                    // Warnings and errors are what a failure report needs; information-level logs only load the machine.
                    ["Logging__LogLevel__Default"] = "Warning",
                    // Three silos on a small test machine: one GC heap each rather than one per core.
                    ["DOTNET_gcServer"] = "0",
                }));
            }

            await Eventually.TrueAsync(async () =>
            {
                if (cluster._silos.FirstOrDefault(s => s.HasExited) is { } exited)
                {
                    throw new InvalidOperationException($"Silo process {exited.Pid} exited during start:{Environment.NewLine}{exited.Tail}");
                }

                try
                {
                    var rows = await OrleansTables.MembershipAsync(cluster.Database.ConnectionString, cluster.ClusterId);
                    return rows.Values.Count(status => status == OrleansTables.Active) == silos;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
                {
                    // The first silo has not migrated the Orleans schema yet.
                    return false;
                }
            }, $"{silos} silo processes Active in the membership table", StartLimit);

            cluster._client = await StartClientAsync(cluster.Database.ConnectionString, cluster.ClusterId, clientResponseTimeout);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The process of the silo at <paramref name="address"/> (each listens on its own loopback port).</summary>
    public SiloProcess ProcessOf(SiloAddress address) => _silos.Single(s => s.SiloPort == address.Endpoint.Port);

    /// <summary>
    /// The silo process holding the activation of <paramref name="grain"/> as the grain directory says; null when it
    /// does not know (an entry kept by a silo that died is gone, though the activation may live on).
    /// </summary>
    public async Task<SiloProcess?> ProcessOfAsync(IAddressable grain) =>
        await Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain) is { } address ? ProcessOf(address) : null;

    public async ValueTask DisposeAsync()
    {
        // Processes first: a client closing its connections to a frozen silo would wait for it.
        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        if (_client is not null)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _client.StopAsync(stopping.Token);
            _client.Dispose();
        }

        await Database.DisposeAsync();
    }

    private static async Task<IHost> StartClientAsync(string connectionString, string clusterId, TimeSpan responseTimeout)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = StorageOptions.Postgres,
            ["Storage:PostgresConnectionString"] = connectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ResponseTimeout"] = responseTimeout.ToString(),
        });
        builder.UseOrleansClient(client => client.AddKnovvu());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The silo host built beside the tests (the test project references it without its assembly).</summary>
    private static string SiloAssembly()
    {
        var path = typeof(SiloProcessCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SiloAssembly").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException("The silo host is not built; build the test project.", path);
    }

    private static int[] FreePorts(int count)
    {
        // All held open together, so no port is handed out twice.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
