using System.Collections.Concurrent;
using KnovvuOrleans.Runtime.Storage;

namespace KnovvuOrleans.Runtime.Cluster;

/// <summary>
/// This silo's knowledge of partition ownership: the partitions it holds (with their lease epochs, which fence its
/// writes) and the last view of who owns the others, used to route calls.
/// </summary>
internal sealed class PartitionDirectory(string siloId)
{
    private readonly ConcurrentDictionary<int, long> _owned = new();
    private readonly ConcurrentDictionary<int, long> _releasing = new();
    private volatile IReadOnlyDictionary<int, PartitionLease> _view = new Dictionary<int, PartitionLease>();

    public string SiloId { get; } = siloId;

    /// <summary>Partitions this silo serves.</summary>
    public IReadOnlyDictionary<int, long> Owned => _owned;

    /// <summary>Partitions whose leases this silo holds: the ones it serves and the ones it is handing over.</summary>
    public IReadOnlyDictionary<int, long> Held => _owned.Concat(_releasing).ToDictionary();

    public IReadOnlyCollection<int> OwnedPartitions => _owned.Keys.ToList();

    public bool Owns(int partition) => _owned.ContainsKey(partition);

    public OwnershipFence FenceFor(int partition) =>
        _owned.TryGetValue(partition, out var epoch) || _releasing.TryGetValue(partition, out epoch)
            ? new OwnershipFence(SiloId, partition, epoch)
            : throw new OwnershipLostException($"Silo {SiloId} does not own partition {partition}.");

    public void Add(int partition, long epoch) => _owned[partition] = epoch;

    /// <summary>Stops serving a partition (calls go elsewhere) while keeping its fence for the last writes.</summary>
    public void BeginRelease(int partition)
    {
        if (_owned.TryRemove(partition, out var epoch))
        {
            _releasing[partition] = epoch;
        }
    }

    public bool Remove(int partition) => _owned.TryRemove(partition, out _) | _releasing.TryRemove(partition, out _);

    /// <summary>The address of the partition's owner, when another silo holds a valid lease on it.</summary>
    public string? RemoteOwnerAddress(int partition) =>
        _view.TryGetValue(partition, out var lease) && lease is { LeaseValid: true, Owner: not null } && lease.Owner != SiloId
            ? lease.OwnerAddress
            : null;

    public void UpdateView(IReadOnlyList<PartitionLease> leases) => _view = leases.ToDictionary(l => l.Partition);

    public IReadOnlyCollection<PartitionLease> View => _view.Values.ToList();
}
