using Npgsql;

namespace KnovvuOrleans.Hosting;

/// <summary>
/// The connection string the product's pools (Orleans ADO.NET and its own data source) use: with No Reset On Close.
/// No code of the product leaves session state on a connection (its locks are transaction-level; no SET, LISTEN or
/// temp tables), so the reset a pooled connection gets on its return (DISCARD ALL, a transaction of its own on the
/// next use) is work for nothing: it was half of the PostgreSQL transactions of an imported Genesys call.
/// </summary>
internal static class PostgresPooling
{
    public static string WithoutResetOnClose(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
}
