using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Runtime.Tests;

/// <summary>The runtime contract on the test run's private PostgreSQL, a fresh database per test.</summary>
public sealed class PostgresRuntimeContractTests : RuntimeContractTests
{
    private PostgresTestDatabase? _database;

    protected override void UseStorage(GrainRuntimeBuilder builder) => builder.UsePostgres(_database!.ConnectionString);

    public override async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public override async Task DisposeAsync() => await _database!.DisposeAsync();
}
