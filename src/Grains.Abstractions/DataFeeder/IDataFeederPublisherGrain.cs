using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// Relays one Data Feeder stream (key <c>{tenantId}/{shard}</c>, <see cref="DataFeederStream"/>) to the tenant's
/// destination; only the stream relay calls it.
/// </summary>
public interface IDataFeederPublisherGrain : IGrainWithStringKey, IAsyncBatchObserver<ConversationEvent>;
