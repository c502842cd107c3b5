using System.Net;
using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.Storage;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Hosting.OrleansSchema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace KnovvuOrleans.Hosting;

public static class KnovvuSilo
{
    /// <summary>ADO.NET invariant name of Npgsql, the provider every ADO.NET piece of Orleans uses here.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Makes a silo of the product from its configuration ("Storage", "Cluster" and the grains' own sections): the
    /// product's grains and what they need, clustering, grain state and reminders on the chosen storage (PostgreSQL
    /// through Orleans' ADO.NET providers, or memory for the demo), the durable streams, and the dashboard. The silo
    /// host, the gateway with its in-process silo, the demo and the test clusters all call it.
    /// </summary>
    public static ISiloBuilder AddKnovvu(this ISiloBuilder silo)
    {
        var storage = StorageOptions.From(silo.Configuration);
        var cluster = KnovvuClusterOptions.From(silo.Configuration);

        silo.Configure<ClusterOptions>(cluster.ApplyTo);
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = cluster.CollectionAge);
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = cluster.MinimumReminderPeriod);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            // Orleans ignores votes against a silo heard from within MaxProbeTimeout × NumMissedProbesLimit; its 4 s
            // default would keep a frozen silo alive for 8 s before the first vote could count.
            o.MaxProbeTimeout = cluster.ProbeTimeout * 2;
            o.NumMissedProbesLimit = cluster.NumMissedProbesLimit;
            o.NumVotesForDeathDeclaration = cluster.NumVotesForDeathDeclaration;
            // Votes and table reads must keep pace with the probes, or a frozen silo outlives its detection.
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        });

        // The pulling agents look at an empty queue again after NoticePollPeriod: the time a notice can sit before its
        // subscriber wakes (Orleans' 100 ms default was most of the Data Feeder's end-to-end p99).
        silo.AddMemoryStreams(DurableStreamOptions.ProviderName, streams => streams.ConfigurePullingAgent(agent =>
            agent.Configure<IOptions<DurableStreamOptions>>((o, durable) => o.GetQueueMsgsTimerPeriod = durable.Value.NoticePollPeriod)));
        // Required by every stream provider; implicit subscriptions (the only kind used) never write to it.
        silo.AddMemoryGrainStorage("PubSubStore");
        silo.AddStartupTask((services, _) =>
            services.GetRequiredService<IGrainFactory>().GetGrain<IOutboxRedeliveryGrain>(IOutboxRedeliveryGrain.Key).Start());
        silo.AddStartupTask((services, _) =>
            services.GetRequiredService<IGrainFactory>().GetGrain<IHeldResultsExpiryGrain>(IHeldResultsExpiryGrain.Key).Start());
        silo.AddStartupTask((services, _) =>
            services.GetRequiredService<IGrainFactory>().GetGrain<IDailyReportScheduleGrain>(IDailyReportScheduleGrain.Key).Start());
        silo.AddDashboard();
        // Grain calls carry the caller's trace (W3C context in the request context), so a request is one trace.
        silo.AddActivityPropagation();
        KeepCallResultsOutOfLogs(silo.Services);

        switch (storage.Provider)
        {
            case StorageOptions.InMemory:
                // One silo on loopback; free ports unless set, so demos and test apps can run side by side.
                silo.UseLocalhostClustering(cluster.SiloPort ?? FreePort(), cluster.GatewayPort ?? FreePort());
                silo.AddMemoryGrainStorageAsDefault(o => o.GrainStorageSerializer = new JsonGrainStateSerializer());
                silo.UseInMemoryReminderService();
                break;
            case StorageOptions.Postgres:
                var connectionString = PostgresPooling.WithoutResetOnClose(storage.PostgresConnectionString!);
                silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new OrleansSchemaMigration(connectionString));
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorageAsDefault(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                    o.GrainStorageSerializer = new JsonGrainStateSerializer();
                });
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                });
                if (cluster.SiloPort is { } siloPort)
                {
                    silo.ConfigureEndpoints(AdvertisedAddress(cluster), siloPort, cluster.GatewayPort ?? 0, listenOnAnyHostAddress: true);
                }

                break;
        }

        silo.Services.AddKnovvuServices(silo.Configuration, storage);
        return silo;
    }

    /// <summary>
    /// What the grains (and the gateway's endpoints that read object storage or the log directly) need besides Orleans:
    /// the product's tables on the chosen storage, the clients of the outside services, the Data Feeder connector.
    /// </summary>
    public static IServiceCollection AddKnovvuServices(this IServiceCollection services, IConfiguration configuration, StorageOptions storage)
    {
        if (storage.Provider == StorageOptions.Postgres)
        {
            services.TryAddSingleton(_ => NpgsqlDataSource.Create(PostgresPooling.WithoutResetOnClose(storage.PostgresConnectionString!)));
            services.AddKnovvuPostgresStorage();
        }
        else
        {
            services.AddKnovvuInMemoryStorage();
        }

        services.AddKnovvuGrainServices();
        services.AddKafkaDataFeederConnector(configuration);
        return services;
    }

    /// <summary>A client of the product's cluster (the client-only gateway), on the same configuration as its silos.</summary>
    public static IClientBuilder AddKnovvu(this IClientBuilder client)
    {
        var storage = StorageOptions.From(client.Configuration);
        var cluster = KnovvuClusterOptions.From(client.Configuration);
        client.Configure<ClusterOptions>(cluster.ApplyTo);
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ClientResponseTimeout);
        // A dead gateway silo drops out of the client's list within a second.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        client.AddActivityPropagation();
        KeepCallResultsOutOfLogs(client.Services);
        switch (storage.Provider)
        {
            case StorageOptions.InMemory:
                client.UseLocalhostClustering(cluster.GatewayPort ?? throw new InvalidOperationException(
                    "A client of an InMemory silo needs Cluster:GatewayPort, the port that silo was given."));
                break;
            case StorageOptions.Postgres:
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = PostgresPooling.WithoutResetOnClose(storage.PostgresConnectionString!);
                });
                break;
        }

        return client;
    }

    /// <summary>
    /// Orleans logs whole messages at Trace, grain call results included, and some results are secrets (a client's
    /// one-time secret): Orleans' own categories log from Information up, whatever level the configuration asks for.
    /// </summary>
    private static void KeepCallResultsOutOfLogs(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddFilter("Orleans", LogLevel.Information));

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static IPAddress AdvertisedAddress(KnovvuClusterOptions cluster)
    {
        if (!string.IsNullOrWhiteSpace(cluster.AdvertisedAddress))
        {
            return IPAddress.TryParse(cluster.AdvertisedAddress, out var address)
                ? address
                : Dns.GetHostAddresses(cluster.AdvertisedAddress).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        }

        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
