using KnovvuOrleans.Grains.Storage;
using Npgsql;

namespace KnovvuOrleans.Grains.Streaming;

/// <summary>The outbox in PostgreSQL (<c>knovvu.stream_outbox</c>), beside the conversation log.</summary>
public sealed class PostgresEventOutbox(NpgsqlDataSource dataSource) : IEventOutbox
{
    private readonly Lazy<Task> _migrated = new(() => KnovvuSchema.MigrateAsync(dataSource));

    public async Task<long> AppendAsync(string streamNamespace, string streamKey, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(AppendCommand(streamNamespace, streamKey, entries));
        return (long)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The append, for a caller that runs it in its own transaction; its one value is the last sequence (0 when all were waiting).</summary>
    internal static NpgsqlBatchCommand AppendCommand(string streamNamespace, string streamKey, IReadOnlyList<OutboxEntry> entries)
    {
        // unnest keeps the entries' order, so sequences follow it; ORDER BY ordinality makes that explicit.
        var command = new NpgsqlBatchCommand("""
            WITH added AS (
                INSERT INTO knovvu.stream_outbox (stream_namespace, stream_key, event_id, published_at, payload, trace_parent)
                SELECT $1, $2, e.id, e.at, e.payload, e.trace_parent
                FROM unnest($3::uuid[], $4::timestamptz[], $5::text[], $6::text[]) WITH ORDINALITY AS e(id, at, payload, trace_parent, position)
                ORDER BY e.position
                ON CONFLICT (event_id) DO NOTHING
                RETURNING sequence)
            SELECT coalesce(max(sequence), 0) FROM added
            """);
        command.Parameters.Add(new() { Value = streamNamespace });
        command.Parameters.Add(new() { Value = streamKey });
        command.Parameters.Add(new() { Value = entries.Select(e => e.EventId).ToArray() });
        command.Parameters.Add(new() { Value = entries.Select(e => e.PublishedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new() { Value = entries.Select(e => e.Payload).ToArray() });
        command.Parameters.Add(new() { Value = entries.Select(e => e.TraceParent).ToArray() });
        return command;
    }

    public async Task<IReadOnlyList<StoredOutboxEntry>> ReadAsync(string streamNamespace, string streamKey, int limit, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            SELECT sequence, event_id, published_at, payload, trace_parent FROM knovvu.stream_outbox
            WHERE stream_namespace = $1 AND stream_key = $2 ORDER BY sequence LIMIT $3
            """);
        command.Parameters.Add(new() { Value = streamNamespace });
        command.Parameters.Add(new() { Value = streamKey });
        command.Parameters.Add(new() { Value = limit });
        var entries = new List<StoredOutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new StoredOutboxEntry(
                reader.GetInt64(0), reader.GetGuid(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return entries;
    }

    public async Task AcknowledgeAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("DELETE FROM knovvu.stream_outbox WHERE sequence = ANY($1)");
        command.Parameters.Add(new() { Value = sequences.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxStream>> WaitingStreamsAsync(TimeSpan age, int limit, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT stream_namespace, stream_key FROM knovvu.stream_outbox
            WHERE appended_at < now() - $1 LIMIT $2
            """);
        command.Parameters.Add(new() { Value = age });
        command.Parameters.Add(new() { Value = limit });
        var streams = new List<OutboxStream>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            streams.Add(new OutboxStream(reader.GetString(0), reader.GetString(1)));
        }

        return streams;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM knovvu.stream_outbox");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
