using Npgsql;

namespace KnovvuOrleans.Hosting.OrleansSchema;

/// <summary>
/// The tables and stored queries of Orleans' ADO.NET clustering, grain storage and reminder providers in PostgreSQL
/// (schema public, beside the product's schema knovvu). The silo host applies it before building Orleans.
/// </summary>
public static class OrleansPostgresSchema
{
    // Silos starting together queue on this transaction-level advisory lock instead of racing on CREATE TABLE. Any
    // fixed key does as long as nothing else locks on it: these bytes spell "ORLNSSCH".
    private const long MigrationLockKey = 0x4F524C4E53534348;

    private const string ScriptResource = "KnovvuOrleans.Hosting.OrleansSchema.orleans-postgresql.sql";

    /// <summary>
    /// Creates what is missing and replaces every stored query text with this version's, in one transaction. Safe to
    /// call at every start and from several processes at once.
    /// </summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var script = await ReadScriptAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var takeLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            takeLock.Parameters.AddWithValue("key", MigrationLockKey);
            await takeLock.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var apply = new NpgsqlCommand(script, connection, transaction))
        {
            await apply.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string> ReadScriptAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(OrleansPostgresSchema).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The embedded resource {ScriptResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
