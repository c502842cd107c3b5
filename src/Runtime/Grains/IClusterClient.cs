namespace KnovvuOrleans.Runtime;

/// <summary>What code outside grains uses to reach the cluster (Orleans' <c>IClusterClient</c>).</summary>
public interface IClusterClient : IGrainFactory
{
    IStreamProvider GetStreamProvider(string name);
}
