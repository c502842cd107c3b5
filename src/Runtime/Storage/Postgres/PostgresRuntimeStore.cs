using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace KnovvuOrleans.Runtime.Storage.Postgres;

/// <summary>The PostgreSQL provider: state, reminders and the stream outbox in the <c>grain_runtime</c> schema.</summary>
public sealed partial class PostgresRuntimeStore(NpgsqlDataSource dataSource) : IRuntimeStore, IClusterStore
{
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        new PostgresMigrator(dataSource, RuntimeSchema.Name, RuntimeSchema.Migrations).MigrateAsync(cancellationToken);

    public async Task<StoredState?> ReadStateAsync(GrainId grain, string stateName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT data, version FROM grain_runtime.grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3");
        command.Parameters.Add(new() { Value = grain.Type });
        command.Parameters.Add(new() { Value = grain.Key });
        command.Parameters.Add(new() { Value = stateName });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredState(reader.IsDBNull(0) ? null : reader.GetString(0), Etag(reader.GetInt64(1)));
    }

    public Task<string?> CommitAsync(
        StateWrite? write, IReadOnlyList<OutboxEvent> events, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        var commands = new List<NpgsqlBatchCommand>();
        if (write is not null)
        {
            commands.Add(StateCommand(write));
        }

        commands.AddRange(events.GroupBy(e => e.Stream).Select(stream => AppendCommand(stream.Key, stream.First().Partition, [.. stream])));
        return FencedAsync(fence, commands, async (reader, token) =>
        {
            if (write is null)
            {
                return null;
            }

            if (!await reader.ReadAsync(token))
            {
                throw new InconsistentStateException(
                    $"State '{write.StateName}' of {write.Grain} was written by someone else (expected ETag '{write.ExpectedEtag ?? "none"}').");
            }

            return Etag(reader.GetInt64(0));
        }, cancellationToken);
    }

    /// <summary>
    /// Runs commands in one transaction, after checking the fence in it: the FOR SHARE row lock makes a takeover of
    /// the partition wait until this transaction ends, so no write lands after the lease was lost. The transaction
    /// commits only if <paramref name="read"/> returns; any exception rolls everything back.
    /// </summary>
    private async Task<T> FencedAsync<T>(
        OwnershipFence? fence, IReadOnlyList<NpgsqlBatchCommand> commands,
        Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (fence is not null)
        {
            var check = new NpgsqlBatchCommand("""
                SELECT 1 FROM grain_runtime.partitions
                WHERE partition = $1 AND owner = $2 AND epoch = $3 AND lease_until > now()
                FOR SHARE
                """);
            check.Parameters.Add(new() { Value = fence.Partition });
            check.Parameters.Add(new() { Value = fence.SiloId });
            check.Parameters.Add(new() { Value = fence.Epoch });
            batch.BatchCommands.Add(check);
        }

        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        T result;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            if (fence is not null)
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new OwnershipLostException(
                        $"Silo {fence.SiloId} no longer owns partition {fence.Partition} at epoch {fence.Epoch}.");
                }

                await reader.NextResultAsync(cancellationToken);
            }

            result = await read(reader, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static NpgsqlBatchCommand StateCommand(StateWrite write)
    {
        var command = write.ExpectedEtag is null
            ? new NpgsqlBatchCommand("""
                INSERT INTO grain_runtime.grain_state (grain_type, grain_key, state_name, partition, data, version)
                VALUES ($1, $2, $3, $4, $5, 1)
                ON CONFLICT DO NOTHING
                RETURNING version
                """)
            : new NpgsqlBatchCommand("""
                UPDATE grain_runtime.grain_state SET data = $5, version = version + 1, updated_at = now()
                WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $6
                RETURNING version
                """);
        command.Parameters.Add(new() { Value = write.Grain.Type });
        command.Parameters.Add(new() { Value = write.Grain.Key });
        command.Parameters.Add(new() { Value = write.StateName });
        command.Parameters.Add(new() { Value = write.Partition });
        command.Parameters.Add(new() { Value = (object?)write.Json ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        if (write.ExpectedEtag is not null)
        {
            command.Parameters.Add(new() { Value = long.Parse(write.ExpectedEtag, CultureInfo.InvariantCulture) });
        }

        return command;
    }

    // The stream_heads upsert takes the stream's row lock, so concurrent publishers to one stream commit one after
    // the other and outbox ids follow sequence numbers: the relay never sees a later event before an earlier one.
    private static NpgsqlBatchCommand AppendCommand(string stream, int partition, IReadOnlyList<OutboxEvent> events)
    {
        var command = new NpgsqlBatchCommand("""
            WITH head AS (
                INSERT INTO grain_runtime.stream_heads (stream, last_seq) VALUES ($1, $2)
                ON CONFLICT (stream) DO UPDATE SET last_seq = grain_runtime.stream_heads.last_seq + EXCLUDED.last_seq
                RETURNING last_seq)
            INSERT INTO grain_runtime.outbox (stream, partition, seq, event_id, payload)
            SELECT $1, $3, head.last_seq - $2 + e.ord, e.id, e.payload
            FROM head, unnest($4::uuid[], $5::text[]) WITH ORDINALITY AS e(id, payload, ord)
            ORDER BY e.ord
            """);
        command.Parameters.Add(new() { Value = stream });
        command.Parameters.Add(new() { Value = (long)events.Count });
        command.Parameters.Add(new() { Value = partition });
        command.Parameters.Add(new() { Value = events.Select(e => e.EventId).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(e => e.Payload).ToArray() });
        return command;
    }

    public async Task<ReminderEntry?> ReadReminderAsync(GrainId grain, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {ReminderColumns} FROM grain_runtime.reminders WHERE grain_type = $1 AND grain_key = $2 AND name = $3
            """);
        command.Parameters.Add(new() { Value = grain.Type });
        command.Parameters.Add(new() { Value = grain.Key });
        command.Parameters.Add(new() { Value = name });
        var found = await ReadRemindersAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<ReminderEntry> UpsertReminderAsync(
        ReminderEntry reminder, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO grain_runtime.reminders (grain_type, grain_key, name, partition, first_due, period_ms, next_due, version)
            VALUES ($1, $2, $3, $4, $5, $6, $5, 1)
            ON CONFLICT (grain_type, grain_key, name) DO UPDATE
            SET partition = EXCLUDED.partition, first_due = EXCLUDED.first_due, period_ms = EXCLUDED.period_ms,
                next_due = EXCLUDED.next_due, version = grain_runtime.reminders.version + 1
            RETURNING version
            """);
        command.Parameters.Add(new() { Value = reminder.Grain.Type });
        command.Parameters.Add(new() { Value = reminder.Grain.Key });
        command.Parameters.Add(new() { Value = reminder.Name });
        command.Parameters.Add(new() { Value = reminder.Partition });
        command.Parameters.Add(new() { Value = reminder.FirstDue });
        command.Parameters.Add(new() { Value = (long)reminder.Period.TotalMilliseconds });
        var version = await FencedAsync(fence, [command], async (reader, token) =>
        {
            await reader.ReadAsync(token);
            return reader.GetInt64(0);
        }, cancellationToken);
        return reminder with { NextDue = reminder.FirstDue, Version = version };
    }

    public Task DeleteReminderAsync(GrainId grain, string name, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        var command = new NpgsqlBatchCommand(
            "DELETE FROM grain_runtime.reminders WHERE grain_type = $1 AND grain_key = $2 AND name = $3");
        command.Parameters.Add(new() { Value = grain.Type });
        command.Parameters.Add(new() { Value = grain.Key });
        command.Parameters.Add(new() { Value = name });
        return FencedAsync(fence, [command], (_, _) => Task.FromResult(true), cancellationToken);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadDueRemindersAsync(
        IReadOnlyCollection<int>? partitions, DateTime now, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {ReminderColumns} FROM grain_runtime.reminders
            WHERE next_due <= $1 AND ($2::int[] IS NULL OR partition = ANY($2))
            ORDER BY next_due LIMIT $3
            """);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(Partitions(partitions));
        command.Parameters.Add(new() { Value = limit });
        return await ReadRemindersAsync(command, cancellationToken);
    }

    public Task AdvanceReminderAsync(
        ReminderEntry reminder, DateTime nextDue, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        var command = new NpgsqlBatchCommand("""
            UPDATE grain_runtime.reminders SET next_due = $4
            WHERE grain_type = $1 AND grain_key = $2 AND name = $3 AND version = $5
            """);
        command.Parameters.Add(new() { Value = reminder.Grain.Type });
        command.Parameters.Add(new() { Value = reminder.Grain.Key });
        command.Parameters.Add(new() { Value = reminder.Name });
        command.Parameters.Add(new() { Value = nextDue });
        command.Parameters.Add(new() { Value = reminder.Version });
        return FencedAsync(fence, [command], (_, _) => Task.FromResult(true), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadPendingEventsAsync(
        IReadOnlyCollection<int>? partitions, IReadOnlyCollection<string> excludedStreams, DateTime now, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT o.stream, o.seq, o.event_id, o.payload, o.published_at
            FROM grain_runtime.outbox o
            WHERE ($1::int[] IS NULL OR o.partition = ANY($1))
              AND NOT (o.stream = ANY($2))
              AND NOT EXISTS (SELECT 1 FROM grain_runtime.stream_heads h WHERE h.stream = o.stream AND h.retry_at > $3)
            ORDER BY o.id
            LIMIT $4
            """);
        command.Parameters.Add(Partitions(partitions));
        command.Parameters.Add(new() { Value = excludedStreams.ToArray() });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = limit });
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(
                reader.GetString(0), reader.GetInt64(1), reader.GetGuid(2), reader.GetString(3), reader.GetDateTime(4)));
        }

        return events;
    }

    public async Task AcknowledgeAsync(string stream, long upToSequence, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var delete = new NpgsqlBatchCommand("DELETE FROM grain_runtime.outbox WHERE stream = $1 AND seq <= $2");
        delete.Parameters.Add(new() { Value = stream });
        delete.Parameters.Add(new() { Value = upToSequence });
        var reset = new NpgsqlBatchCommand("""
            UPDATE grain_runtime.stream_heads SET attempts = 0, retry_at = NULL, last_error = NULL
            WHERE stream = $1 AND attempts <> 0
            """);
        reset.Parameters.Add(new() { Value = stream });
        batch.BatchCommands.Add(delete);
        batch.BatchCommands.Add(reset);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeferStreamAsync(string stream, DateTime retryAt, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE grain_runtime.stream_heads SET attempts = attempts + 1, retry_at = $2, last_error = $3 WHERE stream = $1
            """);
        command.Parameters.Add(new() { Value = stream });
        command.Parameters.Add(new() { Value = retryAt });
        command.Parameters.Add(new() { Value = error });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string ReminderColumns = "grain_type, grain_key, name, partition, first_due, period_ms, next_due, version";

    private static async Task<IReadOnlyList<ReminderEntry>> ReadRemindersAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var reminders = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reminders.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)), reader.GetString(2), reader.GetInt32(3),
                reader.GetDateTime(4), TimeSpan.FromMilliseconds(reader.GetInt64(5)), reader.GetDateTime(6), reader.GetInt64(7)));
        }

        return reminders;
    }

    private static NpgsqlParameter Partitions(IReadOnlyCollection<int>? partitions) =>
        new() { Value = (object?)partitions?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer };

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
