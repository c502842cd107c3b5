using Orleans;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>Expires held results of conversations never recorded (one per cluster, key <see cref="Key"/>).</summary>
[Alias("knovvu.IHeldResultsExpiryGrain")]
public interface IHeldResultsExpiryGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    /// <summary>Registers its reminder; every silo calls it at start, so it exists from the first start on.</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>Expires now what is due; returns how many results expired.</summary>
    [Alias("Sweep")]
    Task<int> Sweep();
}
