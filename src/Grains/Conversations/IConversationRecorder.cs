using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Streaming;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// Writes what one step of a conversation makes durable in one commit: its log row, the event kept for replay and the
/// events appended to its Data Feeder stream's outbox. One commit instead of one per part is most of what recording a
/// conversation costs PostgreSQL; each part stays idempotent (the log by tenant and id, kept and outbox events by event
/// id), so a step retried after a crash writes nothing twice.
/// </summary>
public interface IConversationRecorder
{
    /// <summary>
    /// Appends the conversation to the log (or finds its number), then keeps and appends the events built from that
    /// number; returns the number and the stream's last appended sequence (0 when nothing new was appended).
    /// </summary>
    Task<(long Number, long LastSequence)> RecordAsync(
        ConversationRecord record, Func<long, RecordedEvents> eventsOf, CancellationToken cancellationToken);

    /// <summary>Keeps a result of a recorded conversation and appends the events to its stream; returns the last sequence.</summary>
    Task<long> KeepAndAppendAsync(
        StreamEvent<ConversationEvent> kept, IReadOnlyList<StreamEvent<ConversationEvent>> appended, CancellationToken cancellationToken);
}

/// <summary>The event a recording keeps (none for a conversation never published) and those it appends to the stream.</summary>
public sealed record RecordedEvents(StreamEvent<ConversationEvent>? Kept, IReadOnlyList<StreamEvent<ConversationEvent>> Appended);
