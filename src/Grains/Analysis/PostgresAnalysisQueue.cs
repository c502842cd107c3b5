using KnovvuOrleans.Grains.Storage;
using Npgsql;

namespace KnovvuOrleans.Grains.Analysis;

/// <summary>The analysis queue in PostgreSQL (<c>knovvu.analysis_queue</c>), one row per tenant and conversation.</summary>
public sealed class PostgresAnalysisQueue(NpgsqlDataSource dataSource) : IAnalysisQueue
{
    private readonly Lazy<Task> _migrated = new(() => KnovvuSchema.MigrateAsync(dataSource));

    public async Task<bool> EnqueueAsync(string tenantId, string conversationId, string source, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            INSERT INTO knovvu.analysis_queue (tenant_id, conversation_id, source) VALUES ($1, $2, $3)
            ON CONFLICT (tenant_id, conversation_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = conversationId });
        command.Parameters.Add(new() { Value = source });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> CountAsync(string tenantId, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM knovvu.analysis_queue WHERE tenant_id = $1");
        command.Parameters.Add(new() { Value = tenantId });
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
