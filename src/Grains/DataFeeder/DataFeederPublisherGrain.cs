using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// Relays one Data Feeder stream of a tenant to its topic, in stream order. The tenant's settings are read for every
/// batch, so switching the feed off, dropping an event type or changing the topic applies to events not yet sent;
/// events the settings do not want are dropped, never kept. A failed publish throws, so the relay offers the same batch
/// again after a back-off: repeats carry the same event id (the stream token's), and nothing is acknowledged unsent.
/// </summary>
[GrainType("datafeeder-publisher")]
[ImplicitStreamSubscription(DataFeederStream.Namespace)]
public sealed class DataFeederPublisherGrain(IDataFeederConnector connector) : Grain, IDataFeederPublisherGrain
{
    public async Task OnNextAsync(IList<SequentialItem<ConversationEvent>> items)
    {
        var tenantId = DataFeederStream.TenantOf(GetPrimaryKeyString());
        if (await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetFeatures() is not
            { DataFeeder: { Enabled: true, Topic: { } topic } feeder })
        {
            return;
        }

        var records = items
            .Where(i => feeder.EventTypes.Contains(i.Item.EventType))
            .Select(i => DataFeederRecords.From(i.Item, i.Token.EventId))
            .ToList();
        await connector.PublishAsync(new DataFeederDestination(topic), records, CancellationToken.None);
    }
}
