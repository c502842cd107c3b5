using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// Relays one Data Feeder stream (key <c>{tenantId}/{shard}</c>, <see cref="DataFeederStream"/>) to the tenant's
/// destination: the durable-stream subscriber of the Data Feeder namespace.
/// </summary>
[Alias("knovvu.IDataFeederPublisherGrain")]
public interface IDataFeederPublisherGrain : IOutboxSubscriberGrain;
