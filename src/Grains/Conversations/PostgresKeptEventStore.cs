using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using KnovvuOrleans.Grains.Storage;
using KnovvuOrleans.Grains.Streaming;
using Npgsql;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>Kept events in PostgreSQL (<c>knovvu.kept_events</c>), read together with the conversation log.</summary>
public sealed class PostgresKeptEventStore(NpgsqlDataSource dataSource) : IKeptEventStore
{
    private readonly Lazy<Task> _migrated = new(() => KnovvuSchema.MigrateAsync(dataSource));

    public async Task KeepAsync(StreamEvent<ConversationEvent> raised, bool held, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(KeepCommand(raised, held));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The keep, for a caller that runs it in its own transaction.</summary>
    internal static NpgsqlBatchCommand KeepCommand(StreamEvent<ConversationEvent> raised, bool held)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO knovvu.kept_events (tenant_id, external_id, event_id, event_type, raised_at, payload, held)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = raised.Item.TenantId });
        command.Parameters.Add(new() { Value = raised.Item.ExternalId });
        command.Parameters.Add(new() { Value = raised.EventId });
        command.Parameters.Add(new() { Value = raised.Item.EventType });
        command.Parameters.Add(new() { Value = raised.PublishedAt.UtcDateTime });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(raised.Item, DurableStreamPublisher.Json) });
        command.Parameters.Add(new() { Value = held });
        return command;
    }

    public async Task<StreamEvent<ConversationEvent>?> ReadCreatedAsync(string tenantId, string externalId, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            SELECT external_id, event_id, raised_at, payload FROM knovvu.kept_events
            WHERE tenant_id = $1 AND external_id = $2 AND event_type = $3 LIMIT 1
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = externalId });
        command.Parameters.Add(new() { Value = DataFeederEventTypes.ConversationCreated });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadEvent(reader).Event : null;
    }

    public async Task MarkExpiredAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand(
            "UPDATE knovvu.kept_events SET expired_at = now() WHERE event_id = ANY($1) AND expired_at IS NULL");
        command.Parameters.Add(new() { Value = eventIds.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ExpireUnrecordedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            UPDATE knovvu.kept_events k SET expired_at = now()
            WHERE k.held AND k.expired_at IS NULL AND k.raised_at < $1
              AND NOT EXISTS (SELECT 1 FROM knovvu.conversations c WHERE c.tenant_id = k.tenant_id AND c.external_id = k.external_id)
            """);
        command.Parameters.Add(new() { Value = cutoff.UtcDateTime });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<HeldResultCounts> CountHeldAsync(string tenantId, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            SELECT
                count(*) FILTER (WHERE k.expired_at IS NULL AND NOT EXISTS (
                    SELECT 1 FROM knovvu.conversations c WHERE c.tenant_id = k.tenant_id AND c.external_id = k.external_id)),
                count(*) FILTER (WHERE k.expired_at IS NOT NULL)
            FROM knovvu.kept_events k WHERE k.tenant_id = $1 AND k.held
            """);
        command.Parameters.Add(new() { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new HeldResultCounts(reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<ReplayTotals> CountRangeAsync(ReplayRange range, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var command = dataSource.CreateCommand("""
            SELECT count(*), coalesce(sum(e.n), 0)::bigint FROM knovvu.conversations c
            CROSS JOIN LATERAL (
                SELECT count(*) AS n FROM knovvu.kept_events k
                WHERE k.tenant_id = c.tenant_id AND k.external_id = c.external_id AND k.event_type = ANY($4) AND k.expired_at IS NULL) e
            WHERE c.tenant_id = $1 AND c.status = 'published' AND c.start_time >= $2 AND c.start_time < $3
            """);
        AddRange(command, range);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ReplayTotals(reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<IReadOnlyList<KeptConversation>> ReadRangeAsync(
        ReplayRange range, ReplayCursor? after, int limit, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        var conversations = new List<(string ExternalId, DateTimeOffset StartTime)>();
        await using (var page = dataSource.CreateCommand("""
            SELECT external_id, start_time FROM knovvu.conversations
            WHERE tenant_id = $1 AND status = 'published' AND start_time >= $2 AND start_time < $3
              AND ($5::timestamptz IS NULL OR (start_time, external_id) > ($5, $6))
            ORDER BY start_time, external_id LIMIT $7
            """))
        {
            AddRange(page, range);
            page.Parameters.Add(new() { Value = (object?)after?.StartTime.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            page.Parameters.Add(new() { Value = (object?)after?.ExternalId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            page.Parameters.Add(new() { Value = limit });
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                conversations.Add((reader.GetString(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero)));
            }
        }

        if (conversations.Count == 0)
        {
            return [];
        }

        var events = conversations.ToDictionary(c => c.ExternalId, _ => new List<StreamEvent<ConversationEvent>>(), StringComparer.Ordinal);
        await using (var kept = dataSource.CreateCommand("""
            SELECT external_id, event_id, raised_at, payload FROM knovvu.kept_events
            WHERE tenant_id = $1 AND external_id = ANY($2) AND event_type = ANY($3) AND expired_at IS NULL
            ORDER BY external_id, event_type <> $4, sequence
            """))
        {
            kept.Parameters.Add(new() { Value = range.TenantId });
            kept.Parameters.Add(new() { Value = conversations.Select(c => c.ExternalId).ToArray() });
            kept.Parameters.Add(new() { Value = range.EventTypes.ToArray() });
            kept.Parameters.Add(new() { Value = DataFeederEventTypes.ConversationCreated });
            await using var reader = await kept.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (externalId, raised) = ReadEvent(reader);
                events[externalId].Add(raised);
            }
        }

        return conversations.Select(c => new KeptConversation(c.ExternalId, c.StartTime, events[c.ExternalId])).ToList();
    }

    private static void AddRange(NpgsqlCommand command, ReplayRange range)
    {
        command.Parameters.Add(new() { Value = range.TenantId });
        command.Parameters.Add(new() { Value = range.From.UtcDateTime });
        command.Parameters.Add(new() { Value = range.To.UtcDateTime });
        command.Parameters.Add(new() { Value = range.EventTypes.ToArray() });
    }

    private static (string ExternalId, StreamEvent<ConversationEvent> Event) ReadEvent(NpgsqlDataReader reader) =>
        (reader.GetString(0), new StreamEvent<ConversationEvent>(
            reader.GetGuid(1),
            new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero),
            JsonSerializer.Deserialize<ConversationEvent>(reader.GetString(3), DurableStreamPublisher.Json)!));
}
