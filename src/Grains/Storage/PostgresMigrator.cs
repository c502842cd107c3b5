using Npgsql;

namespace KnovvuOrleans.Grains.Storage;

/// <summary>
/// Applies numbered SQL migrations to one PostgreSQL schema, once each, in order. Silos starting together
/// serialise on a transaction-level advisory lock, so running it from every silo at start is safe.
/// </summary>
internal sealed class PostgresMigrator(NpgsqlDataSource dataSource, string schema, IReadOnlyList<string> migrations)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock(hashtext('migrate:{schema}'))", cancellationToken);
        await ExecuteAsync(connection, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_version (
                version int PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);

        await using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_version", connection);
        var applied = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        for (var version = applied + 1; version <= migrations.Count; version++)
        {
            await ExecuteAsync(connection, migrations[version - 1], cancellationToken);
            await ExecuteAsync(connection, $"INSERT INTO {schema}.schema_version (version) VALUES ({version})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
