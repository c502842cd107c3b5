using Npgsql;

namespace KnovvuOrleans.Orleans.Tests;

/// <summary>What a cluster left in its database, read with plain SQL beside Orleans.</summary>
public static class OrleansTables
{
    public const int Active = 3;

    public const int Dead = 6;

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The cluster's rows in OrleansMembershipTable, each as "address:port:generation" and its status.</summary>
    public static async Task<Dictionary<string, int>> MembershipAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Address, Port, Generation, Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, int>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)}:{reader.GetInt32(1)}:{reader.GetInt32(2)}", reader.GetInt32(3));
        }

        return rows;
    }
}
