using KnovvuOrleans.Runtime.Storage.Postgres;
using KnovvuOrleans.Testing;
using Npgsql;

namespace KnovvuOrleans.Runtime.Tests;

public sealed class PostgresSchemaTests
{
    [Fact]
    public async Task Silos_starting_together_create_the_schema_once()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new PostgresRuntimeStore(dataSource).InitializeAsync(default)));
        await new PostgresRuntimeStore(dataSource).InitializeAsync(default);

        await using var command = dataSource.CreateCommand(
            "SELECT count(*), max(version) FROM grain_runtime.schema_version");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(RuntimeSchema.Migrations.Count, reader.GetInt64(0));
        Assert.Equal(RuntimeSchema.Migrations.Count, reader.GetInt32(1));
    }
}
