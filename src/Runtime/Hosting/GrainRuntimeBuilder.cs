using System.Reflection;
using KnovvuOrleans.Runtime.Activation;
using KnovvuOrleans.Runtime.Storage;
using KnovvuOrleans.Runtime.Storage.InMemory;
using KnovvuOrleans.Runtime.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KnovvuOrleans.Runtime.Hosting;

/// <summary>Chooses the grain assemblies and the storage provider of a silo.</summary>
public sealed class GrainRuntimeBuilder
{
    private readonly List<Assembly> _assemblies = [];

    internal GrainRuntimeBuilder(IServiceCollection services)
    {
        Services = services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new GrainTypeRegistry(_assemblies));
        services.AddSingleton(sp => new GrainRuntime(
            sp.GetRequiredService<IOptions<GrainRuntimeOptions>>(),
            sp.GetRequiredService<GrainTypeRegistry>(),
            sp.GetRequiredService<IRuntimeStore>(),
            sp.GetRequiredService<IClusterStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<GrainRuntime>().Client);
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<IClusterClient>());
        services.AddSingleton(sp => new Silo(sp.GetRequiredService<GrainRuntime>()));
        services.AddHostedService(sp => sp.GetRequiredService<Silo>());
    }

    public IServiceCollection Services { get; }

    /// <summary>Hosts the grain classes of an assembly.</summary>
    public GrainRuntimeBuilder AddGrains(Assembly assembly)
    {
        _assemblies.Add(assembly);
        return this;
    }

    /// <summary>
    /// Keeps state, reminders, streams, membership and leases in PostgreSQL; the schema is created or migrated at start.
    /// </summary>
    public GrainRuntimeBuilder UsePostgres(string connectionString)
    {
        Services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        Services.AddSingleton(sp => new PostgresRuntimeStore(sp.GetRequiredService<NpgsqlDataSource>()));
        return UseStore<PostgresRuntimeStore>();
    }

    /// <summary>Keeps everything in memory (the demo, fast tests); pass one store to several silo lifetimes to share it.</summary>
    public GrainRuntimeBuilder UseInMemory(InMemoryRuntimeStore? store = null)
    {
        Services.AddSingleton(store ?? new InMemoryRuntimeStore());
        return UseStore<InMemoryRuntimeStore>();
    }

    // One store object serves both roles, so fenced writes and leases are checked in the same transaction.
    private GrainRuntimeBuilder UseStore<TStore>() where TStore : class, IRuntimeStore, IClusterStore
    {
        Services.AddSingleton<IRuntimeStore>(sp => sp.GetRequiredService<TStore>());
        Services.AddSingleton<IClusterStore>(sp => sp.GetRequiredService<TStore>());
        return this;
    }
}
