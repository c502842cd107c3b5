using System.Collections.Concurrent;
using KnovvuOrleans.Runtime.Streams;

namespace KnovvuOrleans.Runtime.Activation;

/// <summary>The entry point for code outside grains (hosts, the gateway): grain references and streams.</summary>
internal sealed class ClusterClient(GrainRuntime runtime) : IClusterClient
{
    private readonly ConcurrentDictionary<Type, string> _grainTypes = new();
    private readonly OutboxStreamProvider _streams = new(runtime);

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        var grainType = _grainTypes.GetOrAdd(typeof(TGrainInterface), t => runtime.Registry.ForInterface(t).Name);
        return GrainReference.Create<TGrainInterface>(runtime, new GrainId(grainType, primaryKey));
    }

    public IStreamProvider GetStreamProvider(string name) => _streams;
}
