using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using KnovvuOrleans.Grains.Streaming;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// The recorder over the in-memory log, kept events and outbox, for the demo and fast tests: nothing outlives the
/// process, so there is no commit to save and the parts are written one after the other.
/// </summary>
public sealed class InMemoryConversationRecorder(IConversationLog log, IKeptEventStore kept, IEventOutbox outbox) : IConversationRecorder
{
    public async Task<(long Number, long LastSequence)> RecordAsync(
        ConversationRecord record, Func<long, RecordedEvents> eventsOf, CancellationToken cancellationToken)
    {
        var number = await log.AppendAsync(record, cancellationToken);
        var events = eventsOf(number);
        if (events.Kept is not null)
        {
            await kept.KeepAsync(events.Kept, held: false, cancellationToken);
        }

        return (number, await AppendAsync(record.TenantId, record.ExternalId, events.Appended, cancellationToken));
    }

    public async Task<long> KeepAndAppendAsync(
        StreamEvent<ConversationEvent> raised, IReadOnlyList<StreamEvent<ConversationEvent>> appended, CancellationToken cancellationToken)
    {
        await kept.KeepAsync(raised, held: false, cancellationToken);
        return await AppendAsync(raised.Item.TenantId, raised.Item.ExternalId, appended, cancellationToken);
    }

    private async Task<long> AppendAsync(
        string tenantId, string externalId, IReadOnlyList<StreamEvent<ConversationEvent>> appended, CancellationToken cancellationToken) =>
        appended.Count == 0
            ? 0
            : await outbox.AppendAsync(DataFeederStream.Namespace, DataFeederStream.KeyFor(tenantId, externalId),
                DurableStreamPublisher.Entries(appended), cancellationToken);
}
