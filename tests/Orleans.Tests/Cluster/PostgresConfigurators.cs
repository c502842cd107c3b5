using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>
/// Silos and clients of the test cluster on the ADO.NET providers and the project's schema. The connection string
/// comes through the cluster's configuration (TestClusterBuilder.Properties) under <see cref="ConnectionStringKey"/>.
/// </summary>
public static class PostgresConfigurators
{
    public const string ConnectionStringKey = "KnovvuTests:OrleansPostgres";

    public const string StorageName = "Default";

    private const string Invariant = "Npgsql";

    private static string ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey] ?? throw new InvalidOperationException($"{ConnectionStringKey} is not configured.");

    public sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = ConnectionString(siloBuilder.Configuration);
            siloBuilder
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(StorageName, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .UseAdoNetReminderService(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                // A 1 s reminder keeps the test short; Orleans' default minimum is a minute.
                .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1))
                // A killed silo is declared dead in seconds rather than the defaults' tens of seconds.
                .Configure<ClusterMembershipOptions>(options =>
                {
                    options.ProbeTimeout = TimeSpan.FromSeconds(1);
                    options.NumMissedProbesLimit = 2;
                    options.NumVotesForDeathDeclaration = 1;
                    options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
                    options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                    options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                })
                .Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        }
    }

    public sealed class Client : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            var connectionString = ConnectionString(configuration);
            clientBuilder
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1))
                .Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        }
    }
}
