using Npgsql;

/// <summary>
/// What a flow cost one database of the benchmark's PostgreSQL: transactions (pg_stat_database) and statements, the
/// round trips (pg_stat_statements, loaded by scripts/services.sh). Machine-independent, so the README can track it
/// from run to run. Background work of the silos in the same database (membership heartbeats, reminders) is counted
/// too: it is part of what the flow costs while it runs.
/// </summary>
internal sealed record PostgresCost(long Transactions, long Statements)
{
    /// <summary>Reads the database's counters so far; statistics reach the views up to a second after a transaction.</summary>
    public static async Task<PostgresCost> ReadAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand("""
            SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @db),
                   (SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = @db)
            """, connection);
        read.Parameters.AddWithValue("db", database);
        await using var row = await read.ExecuteReaderAsync();
        await row.ReadAsync();
        return new PostgresCost(row.GetInt64(0), row.GetInt64(1));
    }

    /// <summary>Prints the cost per unit of work (a conversation, a call) between two readings.</summary>
    public static void Report(string flow, PostgresCost before, PostgresCost after, int units, string unit, string setup)
    {
        BenchReport.Ratio($"{flow}_pg_transactions_per_{unit}", (double)(after.Transactions - before.Transactions) / units, setup, $"transactions/{unit}");
        BenchReport.Ratio($"{flow}_pg_statements_per_{unit}", (double)(after.Statements - before.Statements) / units, setup, $"statements/{unit}");
    }
}
