using System.Reflection;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Testing;

/// <summary>
/// N silos in the test process on one store, each with its own silo endpoint on a free loopback port (the role of
/// Orleans.TestingHost). Silos can be added, stopped gracefully or killed.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Assembly _grains;
    private readonly Action<GrainRuntimeBuilder> _storage;
    private readonly Action<GrainRuntimeOptions>? _configure;
    private readonly Action<IServiceCollection>? _services;
    private readonly List<TestSilo> _silos = [];

    private TestCluster(Assembly grains, Action<GrainRuntimeBuilder> storage, Action<GrainRuntimeOptions>? configure,
        Action<IServiceCollection>? services)
    {
        _grains = grains;
        _storage = storage;
        _configure = configure;
        _services = services;
    }

    /// <summary>Silos that have been neither stopped nor killed.</summary>
    public IReadOnlyList<TestSilo> Silos => _silos.Where(s => !s.Stopped).ToList();

    public static async Task<TestCluster> StartAsync(int silos, Assembly grains, Action<GrainRuntimeBuilder> storage,
        Action<GrainRuntimeOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var cluster = new TestCluster(grains, storage, configure, services);
        for (var i = 0; i < silos; i++)
        {
            await cluster.AddSiloAsync();
        }

        await cluster.WaitUntilBalancedAsync();
        return cluster;
    }

    public async Task<TestSilo> AddSiloAsync(Action<GrainRuntimeOptions>? configure = null)
    {
        var silo = await TestSilo.StartAsync(_grains, _storage, o =>
        {
            _configure?.Invoke(o);
            configure?.Invoke(o);
        }, _services);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>A process that hosts no grains and routes every call (what the gateway can be).</summary>
    public Task<TestSilo> AddClientAsync() => AddSiloAsync(o => o.Cluster.HostGrains = false);

    /// <summary>Waits until every partition is served by a live silo and each silo holds its fair share.</summary>
    public async Task WaitUntilBalancedAsync()
    {
        await Eventually.TrueAsync(() =>
        {
            var hosts = Silos.Where(s => s.Silo.Address is not null).ToList();
            var owned = hosts.Select(s => s.Silo.OwnedPartitions.Count).ToList();
            var partitions = hosts[0].Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrainRuntimeOptions>>().Value.PartitionCount;
            return owned.Sum() == partitions && owned.Max() - owned.Min() <= 1;
        }, "partitions shared out evenly among the live silos");
    }

    /// <summary>The live silo that serves a grain's partition.</summary>
    public TestSilo OwnerOf(GrainId grain)
    {
        var partitions = Silos[0].Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrainRuntimeOptions>>().Value.PartitionCount;
        var partition = Partitioning.PartitionOf(grain.ToString(), partitions);
        return Silos.Single(s => s.Silo.OwnedPartitions.Contains(partition));
    }

    public IClusterStore Store => Silos[0].Services.GetRequiredService<IClusterStore>();

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
