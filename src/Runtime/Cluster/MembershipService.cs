using KnovvuOrleans.Runtime.Activation;
using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Runtime.Cluster;

/// <summary>
/// Keeps this silo's place in the cluster: heartbeats, renews its partition leases, takes its fair share of
/// partitions (and at once any whose owner's lease ran out: failover), hands surplus partitions over gracefully
/// when another silo is short, and keeps the keep-alive grains of its partitions activated.
/// </summary>
internal sealed class MembershipService(GrainRuntime runtime, IClusterStore store)
{
    private ClusterOptions Options => runtime.Options.Cluster;

    private PartitionDirectory Directory => runtime.Directory;

    public async Task JoinAsync(string address, CancellationToken cancellationToken)
    {
        await store.EnsurePartitionsAsync(runtime.Options.PartitionCount, cancellationToken);
        if (Options.HostGrains)
        {
            await store.RegisterSiloAsync(Directory.SiloId, address, cancellationToken);
        }

        await RoundAsync(cancellationToken);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Options.MembershipInterval, runtime.Time, cancellationToken);
                await RoundAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                runtime.Logger.LogWarning(exception, "Membership round failed; leases not renewed in time will be lost");
            }
        }
    }

    /// <summary>
    /// Gives every partition back after deactivating its grains (all partitions at once, within half a lease), so
    /// others take over without waiting for the leases to run out.
    /// </summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        var held = Directory.Held;
        await Task.WhenAll(held.Keys.Select(p => runtime.DeactivatePartitionAsync(p, DeactivationReason.ShuttingDown)));
        foreach (var (partition, epoch) in held)
        {
            Directory.Remove(partition);
            await store.ReleaseAsync(Directory.SiloId, partition, epoch, cancellationToken);
        }

        if (Options.HostGrains)
        {
            await store.LeaveAsync(Directory.SiloId, cancellationToken);
        }
    }

    /// <summary>Refreshes the routing view now (after a call found the wrong owner).</summary>
    public async Task RefreshViewAsync(CancellationToken cancellationToken) =>
        Directory.UpdateView(await store.ReadPartitionsAsync(cancellationToken));

    /// <summary>Test hook: a suspended silo stops heartbeating and renewing but goes on serving (a zombie).</summary>
    public bool Suspended { get; set; }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        if (Suspended)
        {
            return;
        }

        if (!Options.HostGrains)
        {
            await RefreshViewAsync(cancellationToken);
            return;
        }

        await store.HeartbeatAsync(Directory.SiloId, cancellationToken);
        await RenewAsync(cancellationToken);

        var live = await store.ReadLiveSilosAsync(Options.SiloDeathTimeout, cancellationToken);
        var leases = await store.ReadPartitionsAsync(cancellationToken);
        Directory.UpdateView(leases);
        var targets = FairShares(live, runtime.Options.PartitionCount);
        var target = targets.GetValueOrDefault(Directory.SiloId, 0);

        // Released partitions (no owner) go to silos below their share; partitions whose owner stopped renewing
        // are taken by anyone at once, and the shares are evened out later.
        var orphaned = leases.Where(l => l is { Owner: not null, LeaseValid: false }).Select(l => l.Partition).ToList();
        var released = leases.Where(l => l.Owner is null).Select(l => l.Partition).ToList();
        var wanted = Math.Max(0, target - Directory.Owned.Count);
        var candidates = orphaned.Concat(wanted > 0 ? released : []).ToList();
        var max = orphaned.Count + wanted;
        if (candidates.Count > 0 && max > 0)
        {
            var acquired = await store.AcquireAsync(Directory.SiloId, candidates, max, Options.LeaseDuration, cancellationToken);
            foreach (var lease in acquired)
            {
                Directory.Add(lease.Partition, lease.Epoch);
            }

            if (acquired.Count > 0)
            {
                runtime.Logger.LogInformation("Silo {Silo} took partitions {Partitions}",
                    Directory.SiloId, string.Join(",", acquired.Select(l => l.Partition)));
                runtime.Relay.Wake();
            }
        }

        await HandOverSurplusAsync(leases, targets, target, cancellationToken);
        await ActivateKeepAliveGrainsAsync(cancellationToken);
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var held = Directory.Held;
        if (held.Count == 0)
        {
            return;
        }

        var renewed = (await store.RenewAsync(Directory.SiloId, held, Options.LeaseDuration, cancellationToken))
            .Select(l => l.Partition).ToHashSet();
        foreach (var partition in held.Keys.Where(p => !renewed.Contains(p)))
        {
            runtime.PartitionLost(partition);
        }
    }

    private async Task HandOverSurplusAsync(
        IReadOnlyList<PartitionLease> leases, IReadOnlyDictionary<string, int> targets, int target, CancellationToken cancellationToken)
    {
        var surplus = Directory.Owned.Count - target;
        if (surplus <= 0)
        {
            return;
        }

        var held = leases.Where(l => l.LeaseValid && l.Owner is not null)
            .GroupBy(l => l.Owner!).ToDictionary(g => g.Key, g => g.Count());
        var shortfall = targets.Where(t => t.Key != Directory.SiloId).Sum(t => Math.Max(0, t.Value - held.GetValueOrDefault(t.Key)));
        foreach (var (partition, epoch) in Directory.Owned.OrderByDescending(p => p.Key).Take(Math.Min(surplus, shortfall)).ToList())
        {
            await ReleaseAsync(partition, epoch, DeactivationReason.Rebalancing, cancellationToken);
        }
    }

    private async Task ReleaseAsync(int partition, long epoch, DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Deactivate first, while the lease still fences the grains' last writes, then give the lease back.
        await runtime.DeactivatePartitionAsync(partition, reason);
        Directory.Remove(partition);
        await store.ReleaseAsync(Directory.SiloId, partition, epoch, cancellationToken);
        runtime.Logger.LogInformation("Silo {Silo} handed over partition {Partition}", Directory.SiloId, partition);
    }

    private async Task ActivateKeepAliveGrainsAsync(CancellationToken cancellationToken)
    {
        var owned = Directory.OwnedPartitions;
        if (owned.Count == 0)
        {
            return;
        }

        foreach (var grain in await store.ReadKeepAliveAsync(owned, cancellationToken))
        {
            runtime.EnsureActive(grain);
        }
    }

    /// <summary>Partitions per live silo: an even split, the first silos (by id) taking one more of the remainder.</summary>
    public static IReadOnlyDictionary<string, int> FairShares(IReadOnlyList<SiloRecord> live, int partitionCount)
    {
        var shares = new Dictionary<string, int>();
        for (var i = 0; i < live.Count; i++)
        {
            shares[live[i].SiloId] = (partitionCount / live.Count) + (i < partitionCount % live.Count ? 1 : 0);
        }

        return shares;
    }
}
