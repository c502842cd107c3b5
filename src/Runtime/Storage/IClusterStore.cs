namespace KnovvuOrleans.Runtime.Storage;

/// <summary>
/// Membership and partition ownership, kept where the grain state is (PostgreSQL is the coordination engine).
/// A partition is owned through a lease row with a fencing epoch: taking it over increments the epoch, and every
/// fenced write checks owner, epoch and lease in its own transaction, so a silo that lost a partition cannot commit.
/// Lease times are the store's clock (PostgreSQL's now()), never the silos'.
/// </summary>
public interface IClusterStore
{
    Task RegisterSiloAsync(string siloId, string address, CancellationToken cancellationToken);

    Task HeartbeatAsync(string siloId, CancellationToken cancellationToken);

    Task LeaveAsync(string siloId, CancellationToken cancellationToken);

    /// <summary>Silos that have neither left nor missed heartbeats for longer than <paramref name="deathTimeout"/>.</summary>
    Task<IReadOnlyList<SiloRecord>> ReadLiveSilosAsync(TimeSpan deathTimeout, CancellationToken cancellationToken);

    /// <summary>Creates the partition rows 0..count-1 that do not exist yet.</summary>
    Task EnsurePartitionsAsync(int count, CancellationToken cancellationToken);

    /// <summary>Every partition with its owner, epoch, whether the lease is still valid, and the owner's address.</summary>
    Task<IReadOnlyList<PartitionLease>> ReadPartitionsAsync(CancellationToken cancellationToken);

    /// <summary>Extends the leases this silo still holds (same owner and epoch); returns the ones renewed.</summary>
    Task<IReadOnlyList<PartitionLease>> RenewAsync(
        string siloId, IReadOnlyDictionary<int, long> owned, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="max"/> of the candidates that are unowned or whose lease expired.</summary>
    Task<IReadOnlyList<PartitionLease>> AcquireAsync(
        string siloId, IReadOnlyCollection<int> candidates, int max, TimeSpan lease, CancellationToken cancellationToken);

    Task ReleaseAsync(string siloId, int partition, long epoch, CancellationToken cancellationToken);

    /// <summary>Grains that must stay activated on whichever silo owns their partition.</summary>
    Task SetKeepAliveAsync(GrainId grain, int partition, bool keepAlive, OwnershipFence? fence, CancellationToken cancellationToken);

    Task<IReadOnlyList<GrainId>> ReadKeepAliveAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken);
}

public sealed record SiloRecord(string SiloId, string Address);

public sealed record PartitionLease(int Partition, string? Owner, long Epoch, bool LeaseValid, string? OwnerAddress);

/// <summary>Proof of ownership a fenced write carries: it commits only while this silo holds this epoch's lease.</summary>
public sealed record OwnershipFence(string SiloId, int Partition, long Epoch);

/// <summary>A fenced write found that its silo no longer owns the partition.</summary>
public sealed class OwnershipLostException(string message) : Exception(message);
