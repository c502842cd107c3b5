using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// Relays one Data Feeder stream of a tenant (key <c>{tenantId}/{shard}</c>) to its topic, in stream order. The
/// tenant's settings are read for every batch, so switching the feed off, dropping an event type or changing the topic
/// applies to events not yet sent; events the settings do not want are dropped, never kept. A failed publish throws,
/// so the batch stays in the outbox and is offered again after a back-off: repeats carry the same event id (made with
/// the event), and nothing is removed unsent. The topic must belong to the tenant (<see cref="IDataFeederTopicsGrain"/>),
/// checked again here although settings are checked when written: events for a topic of another tenant are not sent, they
/// wait until the tenant's settings name a topic of its own.
/// </summary>
[GrainType("datafeeder-publisher")]
[ImplicitStreamSubscription(DataFeederStream.Namespace)]
public sealed class DataFeederPublisherGrain(
    IDataFeederConnector connector,
    IEventOutbox outbox,
    IOptions<DurableStreamOptions> options,
    KnovvuMetrics metrics,
    TimeProvider time,
    ILogger<DataFeederPublisherGrain> logger)
    : OutboxSubscriberGrain<ConversationEvent>(outbox, options, logger), IDataFeederPublisherGrain
{
    // Ownership never changes once claimed, so a confirmed topic stays confirmed for the activation's life.
    private readonly HashSet<string> _ownTopics = new(StringComparer.Ordinal);

    protected override string StreamNamespace => DataFeederStream.Namespace;

    protected override async Task HandleAsync(IReadOnlyList<StreamEvent<ConversationEvent>> events)
    {
        var tenantId = DataFeederStream.TenantOf(this.GetPrimaryKeyString());
        if (await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetFeatures() is not
            { DataFeeder: { Enabled: true, Topic: { } topic } feeder })
        {
            return;
        }

        if (!_ownTopics.Contains(topic))
        {
            if (await GrainFactory.GetGrain<IDataFeederTopicsGrain>(IDataFeederTopicsGrain.Key).Claim(topic, tenantId) != tenantId)
            {
                throw new DataFeederPublishException($"Topic '{topic}' belongs to another tenant; tenant {tenantId}'s events wait for a topic of its own.");
            }

            _ownTopics.Add(topic);
        }

        var wanted = events.Where(e => feeder.EventTypes.Contains(e.Item.EventType)).ToList();
        var records = wanted.Select(e => DataFeederRecords.From(e.Item, e.EventId, e.TraceParent)).ToList();
        await connector.PublishAsync(new DataFeederDestination(topic), records, CancellationToken.None);
        metrics.EventsOut(tenantId, wanted.Select(e => e.PublishedAt), time.GetUtcNow());
    }
}
