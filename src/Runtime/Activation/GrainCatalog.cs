using System.Collections.Concurrent;

namespace KnovvuOrleans.Runtime.Activation;

/// <summary>The activations of this silo, at most one per grain id.</summary>
internal sealed class GrainCatalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    public IEnumerable<ActivationData> ActivationsIn(int partition) => _activations.Values.Where(a => a.Partition == partition);

    public ActivationData GetOrActivate(GrainId grainId)
    {
        while (true)
        {
            if (_activations.TryGetValue(grainId, out var existing))
            {
                return existing;
            }

            var created = new ActivationData(grainId, runtime.Registry.ForName(grainId.Type), runtime);
            if (_activations.TryAdd(grainId, created))
            {
                created.Start();
                return created;
            }
        }
    }

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
}
