using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using KnovvuOrleans.Grains.Storage;
using KnovvuOrleans.Grains.Streaming;
using Npgsql;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// The recorder in PostgreSQL: the log append, the kept event and the outbox append in one transaction, with the same
/// statements as the log, the kept events and the outbox use alone.
/// </summary>
public sealed class PostgresConversationRecorder(NpgsqlDataSource dataSource) : IConversationRecorder
{
    private readonly Lazy<Task> _migrated = new(() => KnovvuSchema.MigrateAsync(dataSource));

    /// <summary>
    /// The Created event carries the conversation's number, known only once the append ran: the append is one round trip
    /// and the rest a second, in one transaction, so one commit.
    /// </summary>
    public async Task<(long Number, long LastSequence)> RecordAsync(
        ConversationRecord record, Func<long, RecordedEvents> eventsOf, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long number;
        await using (var append = new NpgsqlBatch(connection, transaction) { BatchCommands = { PostgresConversationLog.AppendCommand(record) } })
        {
            number = (long)(await append.ExecuteScalarAsync(cancellationToken))!;
        }

        var events = eventsOf(number);
        var last = await KeepAndAppendAsync(
            connection, transaction, record.TenantId, record.ExternalId, events.Kept, events.Appended, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (number, last);
    }

    public async Task<long> KeepAndAppendAsync(
        StreamEvent<ConversationEvent> kept, IReadOnlyList<StreamEvent<ConversationEvent>> appended, CancellationToken cancellationToken)
    {
        await _migrated.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A batch without a transaction of its own runs as one implicit transaction: one commit.
        return await KeepAndAppendAsync(connection, null, kept.Item.TenantId, kept.Item.ExternalId, kept, appended, cancellationToken);
    }

    private static async Task<long> KeepAndAppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, string externalId, StreamEvent<ConversationEvent>? kept,
        IReadOnlyList<StreamEvent<ConversationEvent>> appended, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        // The outbox append goes first, so the batch's scalar is its last sequence.
        if (appended.Count > 0)
        {
            batch.BatchCommands.Add(PostgresEventOutbox.AppendCommand(
                DataFeederStream.Namespace, DataFeederStream.KeyFor(tenantId, externalId), DurableStreamPublisher.Entries(appended)));
        }

        if (kept is not null)
        {
            batch.BatchCommands.Add(PostgresKeptEventStore.KeepCommand(kept, held: false));
        }

        if (batch.BatchCommands.Count == 0)
        {
            return 0;
        }

        var last = await batch.ExecuteScalarAsync(cancellationToken);
        return appended.Count > 0 ? (long)last! : 0;
    }
}
