using Npgsql;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>What the importer left behind for a tenant: its Genesys calls in the conversation log.</summary>
public static class ImportedCalls
{
    /// <summary>How many rows of the conversation log each Genesys conversation of the tenant has.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountsAsync(NpgsqlDataSource sql, string tenantId)
    {
        await using var command = sql.CreateCommand(
            "SELECT external_id, count(*) FROM knovvu.conversations WHERE tenant_id = $1 AND source = 'genesys' AND is_call GROUP BY external_id");
        command.Parameters.Add(new() { Value = tenantId });
        var rows = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetInt64(1);
        }

        return rows;
    }
}
