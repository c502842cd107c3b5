namespace KnovvuOrleans.Runtime.Storage.InMemory;

/// <summary>Membership and partition leases in memory, with the same rules as the PostgreSQL provider.</summary>
public sealed partial class InMemoryRuntimeStore
{
    private readonly Dictionary<string, Member> _silos = [];
    private readonly SortedDictionary<int, Lease> _partitions = [];
    private readonly Dictionary<GrainId, int> _keepAlive = [];

    public Task RegisterSiloAsync(string siloId, string address, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _silos[siloId] = new Member(address) { LastHeartbeat = DateTime.UtcNow };
            return Task.CompletedTask;
        }
    }

    public Task HeartbeatAsync(string siloId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_silos.TryGetValue(siloId, out var member))
            {
                member.LastHeartbeat = DateTime.UtcNow;
            }

            return Task.CompletedTask;
        }
    }

    public Task LeaveAsync(string siloId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_silos.TryGetValue(siloId, out var member))
            {
                member.Left = true;
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<SiloRecord>> ReadLiveSilosAsync(TimeSpan deathTimeout, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            IReadOnlyList<SiloRecord> live = _silos
                .Where(s => !s.Value.Left && s.Value.LastHeartbeat > now - deathTimeout)
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new SiloRecord(s.Key, s.Value.Address))
                .ToList();
            return Task.FromResult(live);
        }
    }

    public Task EnsurePartitionsAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            for (var p = 0; p < count; p++)
            {
                _partitions.TryAdd(p, new Lease());
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<PartitionLease>> ReadPartitionsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            IReadOnlyList<PartitionLease> leases = _partitions
                .Select(p => new PartitionLease(p.Key, p.Value.Owner, p.Value.Epoch, p.Value.Until > now,
                    p.Value.Owner is { } owner && _silos.TryGetValue(owner, out var member) ? member.Address : null))
                .ToList();
            return Task.FromResult(leases);
        }
    }

    public Task<IReadOnlyList<PartitionLease>> RenewAsync(
        string siloId, IReadOnlyDictionary<int, long> owned, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var renewed = new List<PartitionLease>();
            foreach (var (partition, epoch) in owned)
            {
                if (_partitions.TryGetValue(partition, out var row) && row.Owner == siloId && row.Epoch == epoch)
                {
                    row.Until = DateTime.UtcNow + lease;
                    renewed.Add(new PartitionLease(partition, siloId, epoch, true, null));
                }
            }

            return Task.FromResult<IReadOnlyList<PartitionLease>>(renewed);
        }
    }

    public Task<IReadOnlyList<PartitionLease>> AcquireAsync(
        string siloId, IReadOnlyCollection<int> candidates, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var acquired = new List<PartitionLease>();
            foreach (var partition in candidates.Order())
            {
                if (acquired.Count >= max)
                {
                    break;
                }

                if (_partitions.TryGetValue(partition, out var row) && (row.Owner is null || row.Until < now))
                {
                    row.Owner = siloId;
                    row.Epoch++;
                    row.Until = now + lease;
                    acquired.Add(new PartitionLease(partition, siloId, row.Epoch, true, null));
                }
            }

            return Task.FromResult<IReadOnlyList<PartitionLease>>(acquired);
        }
    }

    public Task ReleaseAsync(string siloId, int partition, long epoch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_partitions.TryGetValue(partition, out var row) && row.Owner == siloId && row.Epoch == epoch)
            {
                row.Owner = null;
                row.Until = DateTime.MinValue;
            }

            return Task.CompletedTask;
        }
    }

    public Task SetKeepAliveAsync(GrainId grain, int partition, bool keepAlive, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            CheckFence(fence);
            if (keepAlive)
            {
                _keepAlive[grain] = partition;
            }
            else
            {
                _keepAlive.Remove(grain);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<GrainId>> ReadKeepAliveAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<GrainId> grains = _keepAlive.Where(k => partitions.Contains(k.Value)).Select(k => k.Key).ToList();
            return Task.FromResult(grains);
        }
    }

    // Called under _lock by every fenced write.
    private void CheckFence(OwnershipFence? fence)
    {
        if (fence is not null
            && !(_partitions.TryGetValue(fence.Partition, out var row)
                 && row.Owner == fence.SiloId && row.Epoch == fence.Epoch && row.Until > DateTime.UtcNow))
        {
            throw new OwnershipLostException(
                $"Silo {fence.SiloId} no longer owns partition {fence.Partition} at epoch {fence.Epoch}.");
        }
    }

    private sealed class Member(string address)
    {
        public string Address { get; } = address;

        public DateTime LastHeartbeat { get; set; }

        public bool Left { get; set; }
    }

    private sealed class Lease
    {
        public string? Owner { get; set; }

        public long Epoch { get; set; }

        public DateTime Until { get; set; } = DateTime.MinValue;
    }
}
