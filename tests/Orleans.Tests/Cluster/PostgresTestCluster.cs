using KnovvuOrleans.Hosting.OrleansSchema;
using KnovvuOrleans.Testing;
using Npgsql;
using Orleans.TestingHost;
using TestCluster = Orleans.TestingHost.TestCluster;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>A two-silo Orleans TestCluster on a fresh database migrated with the project's schema.</summary>
public sealed class PostgresTestCluster : IAsyncDisposable
{
    private PostgresTestCluster(PostgresTestDatabase database, TestCluster cluster)
    {
        Database = database;
        Cluster = cluster;
    }

    public PostgresTestDatabase Database { get; }

    public TestCluster Cluster { get; }

    public static async Task<PostgresTestCluster> StartAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        await OrleansPostgresSchema.MigrateAsync(database.ConnectionString);

        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[PostgresConfigurators.ConnectionStringKey] = database.ConnectionString;
        builder.AddSiloBuilderConfigurator<PostgresConfigurators.Silo>();
        builder.AddClientBuilderConfigurator<PostgresConfigurators.Client>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new PostgresTestCluster(database, cluster);
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The cluster's rows in OrleansMembershipTable, each as "address:port:generation" and its status.</summary>
    public async Task<Dictionary<string, int>> MembershipAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Address, Port, Generation, Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster", connection);
        command.Parameters.AddWithValue("cluster", Cluster.Options.ClusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, int>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)}:{reader.GetInt32(1)}:{reader.GetInt32(2)}", reader.GetInt32(3));
        }

        return rows;
    }

    public static string MembershipKey(SiloHandle silo) =>
        $"{silo.SiloAddress.Endpoint.Address}:{silo.SiloAddress.Endpoint.Port}:{silo.SiloAddress.Generation}";

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}
