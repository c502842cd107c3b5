using System.Runtime.CompilerServices;
using KnovvuOrleans.Grains.Storage;
using Npgsql;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>The conversation log in PostgreSQL; the <c>knovvu</c> schema is migrated on first use.</summary>
public sealed class PostgresConversationLog(NpgsqlDataSource dataSource) : IConversationLog
{
    private const int HourPageSize = 1000;

    private const string Columns = "tenant_id, external_id, source, status, project_id, channel_id, is_call, start_time, end_time, document, trace_parent";

    private readonly Lazy<Task> _migrated = new(() => KnovvuSchema.MigrateAsync(dataSource));

    public async Task<long> AppendAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(AppendCommand(record));
        return (long)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The append, for a caller that runs it in its own transaction; its one value is the conversation's number.</summary>
    internal static NpgsqlBatchCommand AppendCommand(ConversationRecord record)
    {
        var command = new NpgsqlBatchCommand($"""
            WITH added AS (
                INSERT INTO knovvu.conversations ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (tenant_id, external_id) DO NOTHING
                RETURNING number)
            SELECT number FROM added
            UNION ALL
            SELECT number FROM knovvu.conversations WHERE tenant_id = $1 AND external_id = $2
            LIMIT 1
            """);
        command.Parameters.Add(new() { Value = record.TenantId });
        command.Parameters.Add(new() { Value = record.ExternalId });
        command.Parameters.Add(new() { Value = record.Source });
        command.Parameters.Add(new() { Value = record.Status });
        command.Parameters.Add(new() { Value = (object?)record.ProjectId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)record.ChannelId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = record.IsCall });
        command.Parameters.Add(new() { Value = record.StartTime.UtcDateTime });
        command.Parameters.Add(new() { Value = record.EndTime.UtcDateTime });
        command.Parameters.Add(new() { Value = record.Document });
        command.Parameters.Add(new() { Value = (object?)record.TraceParent ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return command;
    }

    public async Task<IReadOnlyList<ConversationRecord>> ReadUnsentToCaAsync(
        string tenantId, IReadOnlyCollection<string> projectIds, IReadOnlyCollection<string> excluding, int limit,
        CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM knovvu.conversations
            WHERE tenant_id = $1 AND status = 'published' AND ca_sent_at IS NULL AND ca_parked_at IS NULL
              AND project_id = ANY($2) AND NOT (external_id = ANY($4))
            ORDER BY number LIMIT $3
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = projectIds.ToArray() });
        command.Parameters.Add(new() { Value = limit });
        command.Parameters.Add(new() { Value = excluding.ToArray() });
        var records = new List<ConversationRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    public async Task<int> CountUnsentToCaAsync(string tenantId, IReadOnlyCollection<string> projectIds, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FROM knovvu.conversations
            WHERE tenant_id = $1 AND status = 'published' AND ca_sent_at IS NULL AND ca_parked_at IS NULL AND project_id = ANY($2)
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = projectIds.ToArray() });
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task MarkSentToCaAsync(string tenantId, string externalId, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            UPDATE knovvu.conversations SET ca_sent_at = now() WHERE tenant_id = $1 AND external_id = $2 AND ca_sent_at IS NULL
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = externalId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ParkForCaAsync(string tenantId, string externalId, string reason, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            UPDATE knovvu.conversations SET ca_parked_at = now(), ca_parked_reason = $3
            WHERE tenant_id = $1 AND external_id = $2 AND ca_sent_at IS NULL
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = externalId });
        command.Parameters.Add(new() { Value = reason });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> UnparkForCaAsync(string tenantId, IReadOnlyCollection<string>? externalIds, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            UPDATE knovvu.conversations SET ca_parked_at = NULL, ca_parked_reason = NULL
            WHERE tenant_id = $1 AND ca_parked_at IS NOT NULL AND ($2::text[] IS NULL OR external_id = ANY($2))
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = (object?)externalIds?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<ParkedConversation> First, int Total)> ReadParkedForCaAsync(
        string tenantId, int limit, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            SELECT external_id, project_id, ca_parked_reason, ca_parked_at, count(*) OVER () FROM knovvu.conversations
            WHERE tenant_id = $1 AND ca_parked_at IS NOT NULL
            ORDER BY ca_parked_at, number LIMIT $2
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = limit });
        var parked = new List<ParkedConversation>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            parked.Add(new ParkedConversation(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2), new DateTimeOffset(reader.GetDateTime(3))));
            total = (int)reader.GetInt64(4);
        }

        return (parked, total);
    }

    public async Task<int> PurgeBeforeAsync(string tenantId, DateTimeOffset cutoffUtc, int limit, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        // One statement per batch: the kept events go with their conversation, so no replay or held count sees orphans.
        await using var command = dataSource.CreateCommand("""
            WITH doomed AS (
                SELECT tenant_id, external_id FROM knovvu.conversations
                WHERE tenant_id = $1 AND start_time < $2 AND NOT (status = 'published' AND ca_sent_at IS NULL)
                LIMIT $3 FOR UPDATE SKIP LOCKED),
            kept AS (
                DELETE FROM knovvu.kept_events k USING doomed d WHERE k.tenant_id = d.tenant_id AND k.external_id = d.external_id),
            gone AS (
                DELETE FROM knovvu.conversations c USING doomed d WHERE c.tenant_id = d.tenant_id AND c.external_id = d.external_id
                RETURNING 1)
            SELECT count(*) FROM gone
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = cutoffUtc.UtcDateTime });
        command.Parameters.Add(new() { Value = limit });
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Pages of <see cref="HourPageSize"/> by (start time, id), each after the last one read: a query with a LIMIT walks
    /// the ordered index, while one query for the whole hour made the planner sort the documents (on disk) first.
    /// </summary>
    public async IAsyncEnumerable<string> ReadHourDocumentsAsync(
        string tenantId, DateTime hourStartUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _migrated.Value;
        var from = DateTime.SpecifyKind(hourStartUtc, DateTimeKind.Utc);
        (DateTime StartTime, string ExternalId)? last = null;
        int read;
        do
        {
            await using var command = dataSource.CreateCommand($"""
                SELECT start_time, external_id, document FROM knovvu.conversations
                WHERE tenant_id = $1 AND status = 'published' AND start_time >= $2 AND start_time < $3
                  {(last is null ? "" : "AND (start_time, external_id) > ($5, $6)")}
                ORDER BY start_time, external_id LIMIT $4
                """);
            command.Parameters.Add(new() { Value = tenantId });
            command.Parameters.Add(new() { Value = from });
            command.Parameters.Add(new() { Value = from.AddHours(1) });
            command.Parameters.Add(new() { Value = HourPageSize });
            if (last is { } after)
            {
                command.Parameters.Add(new() { Value = after.StartTime });
                command.Parameters.Add(new() { Value = after.ExternalId });
            }

            read = 0;
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                last = (reader.GetDateTime(0), reader.GetString(1));
                read++;
                yield return reader.GetString(2);
            }
        }
        while (read == HourPageSize);
    }

    private static ConversationRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetBoolean(6), new DateTimeOffset(reader.GetDateTime(7)), new DateTimeOffset(reader.GetDateTime(8)), reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10));
}
