using KnovvuOrleans.Hosting.OrleansSchema;
using KnovvuOrleans.Testing;
using Npgsql;

namespace KnovvuOrleans.Orleans.Tests;

/// <summary>Applying the schema: repeatable, safe from several silos at once, complete for the 10.4.2 providers.</summary>
public sealed class OrleansPostgresSchemaTests : IAsyncLifetime
{
    // What the 10.4.2 provider assemblies ask for, written out, so the scan of the assemblies cannot pass by finding nothing.
    private static readonly string[] KnownKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrating_twice_leaves_one_row_per_query_key_in_schema_public()
    {
        await OrleansPostgresSchema.MigrateAsync(_database.ConnectionString);
        await OrleansPostgresSchema.MigrateAsync(_database.ConnectionString);

        await AssertOneRowPerKnownKeyAsync();
        foreach (var table in new[] { "orleansquery", "orleansmembershipversiontable", "orleansmembershiptable", "orleansstorage", "orleansreminderstable" })
        {
            Assert.True(await ScalarAsync<bool>($"SELECT to_regclass('public.{table}') IS NOT NULL"), $"public.{table} is missing");
        }
    }

    [Fact]
    public async Task Four_silos_migrating_a_fresh_database_at_once_all_succeed()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OrleansPostgresSchema.MigrateAsync(_database.ConnectionString))));

        await AssertOneRowPerKnownKeyAsync();
    }

    [Fact]
    public async Task Migrating_again_replaces_a_changed_query_text()
    {
        await OrleansPostgresSchema.MigrateAsync(_database.ConnectionString);
        var original = await ScalarAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'");
        await ScalarAsync<int>("UPDATE OrleansQuery SET QueryText = 'SELECT 1' WHERE QueryKey = 'WriteToStorageKey' RETURNING 1");

        await OrleansPostgresSchema.MigrateAsync(_database.ConnectionString);

        Assert.Equal(original, await ScalarAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"));
    }

    [Fact]
    public async Task Every_query_key_the_provider_assemblies_ask_for_is_stored_and_nothing_else()
    {
        await OrleansPostgresSchema.MigrateAsync(_database.ConnectionString);

        var askedFor = ProviderQueryKeys.AskedFor();
        Assert.Superset(KnownKeys.ToHashSet(), askedFor.ToHashSet());
        Assert.Equal(askedFor.Order(), (await StoredKeysAsync()).Order());
    }

    private async Task AssertOneRowPerKnownKeyAsync()
    {
        var stored = await StoredKeysAsync();
        Assert.Equal(KnownKeys.Order(), stored.Order());
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
