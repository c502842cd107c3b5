using Orleans;

namespace KnovvuOrleans.Grains.Streaming;

/// <summary>The redelivery agent of the durable streams (one per cluster, key <see cref="Key"/>).</summary>
[Alias("knovvu.IOutboxRedeliveryGrain")]
public interface IOutboxRedeliveryGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    /// <summary>Registers its reminder; every silo calls it at start, so it exists from the first start on.</summary>
    [Alias("Start")]
    Task Start();
}
