using System.Collections.Concurrent;
using KnovvuOrleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace KnovvuOrleans.Testing;

/// <summary>
/// The product's silos on Orleans' TestingHost, on a fresh database of the test run's private PostgreSQL, with the
/// real ADO.NET clustering, grain storage and reminders (not the test membership): each silo is configured exactly as
/// the silo host configures it (<see cref="KnovvuSilo.AddKnovvu(ISiloBuilder)"/>), plus the test's settings and
/// service overrides. Silos can be added, stopped or killed.
/// </summary>
public sealed class KnovvuTestCluster : IAsyncDisposable
{
    private const string TestIdKey = "KnovvuTest:Id";

    // Service overrides by cluster, found by the silo configurator through the test id in the silo's configuration.
    private static readonly ConcurrentDictionary<string, Action<IServiceCollection>> Overrides = new();

    private readonly string _id;

    private KnovvuTestCluster(string id, TestCluster cluster, PostgresTestDatabase database)
    {
        _id = id;
        Cluster = cluster;
        Database = database;
    }

    public TestCluster Cluster { get; }

    public PostgresTestDatabase Database { get; }

    /// <summary>The test's client of the cluster (an Orleans client in the test process).</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>Silos neither stopped nor killed.</summary>
    public IReadOnlyList<SiloHandle> Silos => Cluster.Silos;

    /// <summary>Settings every test cluster gets: production values made quick enough for tests.</summary>
    public static IReadOnlyDictionary<string, string?> FastSettings { get; } = new Dictionary<string, string?>
    {
        ["Cluster:MinimumReminderPeriod"] = "00:00:00.500",
        ["Cluster:ResponseTimeout"] = "00:00:15",
        // The test's own client waits as long as Orleans' default: the gateway's 2 s fails calls on a busy CI machine.
        ["Cluster:ClientResponseTimeout"] = "00:00:30",
        ["DurableStreams:RetryBaseDelay"] = "00:00:00.020",
        ["DurableStreams:RetryMaxDelay"] = "00:00:00.500",
        ["DurableStreams:RedeliveryPeriod"] = "00:00:01",
        ["DurableStreams:RedeliveryAge"] = "00:00:01",
        ["GenesysCloud:Listener:KeepAlivePeriod"] = "00:00:01",
    };

    /// <param name="settings">Configuration over <see cref="FastSettings"/> (e.g. option sections of the grains).</param>
    /// <param name="services">Service overrides, applied after the product's registrations on every silo.</param>
    public static async Task<KnovvuTestCluster> StartAsync(
        int silos, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var id = Guid.NewGuid().ToString("N");
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ClusterId = $"test-{id[..8]}";
        builder.Options.ServiceId = $"test-{id[..8]}";
        builder.Properties[TestIdKey] = id;
        builder.Properties["Storage:Provider"] = StorageOptions.Postgres;
        builder.Properties["Storage:PostgresConnectionString"] = database.ConnectionString;
        foreach (var (key, value) in FastSettings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        if (services is not null)
        {
            Overrides[id] = services;
        }

        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new KnovvuTestCluster(id, cluster, database);
    }

    /// <summary>The services of a silo (its grain factory, its options, the instances it uses).</summary>
    public static IServiceProvider ServicesOf(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services;

    /// <summary>The silo that holds the activation of <paramref name="grain"/>, which must be active.</summary>
    public async Task<SiloHandle> SiloOfAsync(IAddressable grain)
    {
        var address = await Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain)
            ?? throw new InvalidOperationException($"{grain} has no activation.");
        return Silos.Single(s => s.SiloAddress.Equals(address));
    }

    public Task<SiloHandle> StartAdditionalSiloAsync() => Cluster.StartAdditionalSiloAsync();

    /// <summary>Crashes a silo: no deactivation, no goodbye to the membership table.</summary>
    public Task KillAsync(SiloHandle silo) => Cluster.KillSiloAsync(silo);

    public Task StopAsync(SiloHandle silo) => Cluster.StopSiloAsync(silo);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
            Overrides.TryRemove(_id, out _);
            await Database.DisposeAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddKnovvu();
            if (siloBuilder.Configuration[TestIdKey] is { } id && Overrides.TryGetValue(id, out var services))
            {
                services(siloBuilder.Services);
            }
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddKnovvu();
    }
}
