using System.Net.Http;
using KnovvuOrleans.Runtime.Cluster;
using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Reminders;
using KnovvuOrleans.Runtime.Storage;
using KnovvuOrleans.Runtime.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Runtime.Activation;

/// <summary>
/// The silo's core. A call goes to the activation on this silo when this silo owns the grain's partition, to the
/// owner over the silo endpoint otherwise, and waits while no silo owns it (failover); all within the call
/// timeout. Commits of grains carry this silo's ownership fence.
/// </summary>
internal sealed class GrainRuntime : IDisposable
{
    private static readonly TimeSpan OwnerWait = TimeSpan.FromMilliseconds(100);
    private volatile bool _killed;

    public GrainRuntime(
        IOptions<GrainRuntimeOptions> options,
        GrainTypeRegistry registry,
        IRuntimeStore store,
        IClusterStore clusterStore,
        TimeProvider time,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
    {
        Options = options.Value;
        if (Options.PartitionCount <= 0 || Options.CallTimeout <= TimeSpan.Zero || Options.RelayBatchSize <= 0)
        {
            throw new OptionsValidationException(nameof(GrainRuntimeOptions), typeof(GrainRuntimeOptions),
                ["PartitionCount, CallTimeout and RelayBatchSize must be positive."]);
        }

        Registry = registry;
        Store = store;
        ClusterStore = clusterStore;
        Time = time;
        Services = services;
        Logger = loggerFactory.CreateLogger("KnovvuOrleans.Runtime");
        Directory = new PartitionDirectory(Options.Cluster.SiloId);
        Catalog = new GrainCatalog(this);
        Client = new ClusterClient(this);
        Reminders = new ReminderService(this);
        Relay = new OutboxRelay(this);
        Membership = new MembershipService(this, clusterStore);
        Codec = new GrainCallCodec(Options.SerializerOptions);
        Remote = new RemoteGrainInvoker(Codec);
    }

    public GrainRuntimeOptions Options { get; }

    public GrainTypeRegistry Registry { get; }

    public IRuntimeStore Store { get; }

    public IClusterStore ClusterStore { get; }

    public TimeProvider Time { get; }

    public IServiceProvider Services { get; }

    public ILogger Logger { get; }

    public PartitionDirectory Directory { get; }

    public GrainCatalog Catalog { get; }

    public ClusterClient Client { get; }

    public ReminderService Reminders { get; }

    public OutboxRelay Relay { get; }

    public MembershipService Membership { get; }

    public GrainCallCodec Codec { get; }

    private RemoteGrainInvoker Remote { get; }

    /// <summary>Set by the relay: woken when a commit appends events.</summary>
    public Action? EventsCommitted { get; set; }

    public bool IsKilled => _killed;

    public int PartitionOf(GrainId grainId) => Partitioning.PartitionOf(grainId.ToString(), Options.PartitionCount);

    public int PartitionOf(StreamId streamId) => Partitioning.PartitionOf(streamId.ToString(), Options.PartitionCount);

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    public async Task<object?> InvokeAsync(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        using var timeout = new CancellationTokenSource(Options.CallTimeout, Time);
        try
        {
            return await RouteAsync(grainId, method, arguments, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new GrainCallTimeoutException(grainId, method.Name, Options.CallTimeout);
        }
    }

    /// <summary>
    /// Finds the owner and runs the call there. A call that provably did not run (no owner yet, wrong owner,
    /// owner unreachable) is tried again until the timeout; one that may have run when ownership moved under it
    /// (the owner died mid-call, or lost its lease mid-turn) is tried again once. Grain methods that must not run
    /// twice are made idempotent by the grain.
    /// </summary>
    private async Task<object?> RouteAsync(GrainId grainId, GrainMethod method, object?[] arguments, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(grainId);
        var retriedAfterMove = false;
        while (true)
        {
            ThrowIfKilled();
            try
            {
                if (Directory.Owns(partition))
                {
                    return await InvokeLocalAsync(grainId, method, arguments);
                }

                if (Directory.RemoteOwnerAddress(partition) is { } address)
                {
                    return await Remote.InvokeAsync(address, grainId, method, arguments, cancellationToken);
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && DidNotRun(exception))
            {
                Logger.LogDebug(exception, "Call to {Grain} not run; looking for the owner again", grainId);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && !retriedAfterMove && MayHaveMoved(exception))
            {
                retriedAfterMove = true;
                Logger.LogInformation(exception, "Ownership of {Grain} moved during a call; trying once more", grainId);
            }

            await Task.Delay(OwnerWait, Time, cancellationToken);
            await Membership.RefreshViewAsync(cancellationToken);
        }
    }

    private static bool DidNotRun(Exception exception) =>
        exception is NotOwnerException
        || exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    private static bool MayHaveMoved(Exception exception) => exception is OwnershipLostException or HttpRequestException;

    /// <summary>Runs a call on this silo's activation; <see cref="NotOwnerException"/> if this silo does not own it.</summary>
    public async Task<object?> InvokeLocalAsync(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        var item = WorkItem.Call(method.Name, grain => method.InvokeAsync(grain, arguments));
        while (true)
        {
            ThrowIfKilled();
            if (!Directory.Owns(PartitionOf(grainId)))
            {
                throw new NotOwnerException($"Silo {Directory.SiloId} does not own {grainId}.");
            }

            var activation = Catalog.GetOrActivate(grainId);
            if (method.AlwaysInterleave)
            {
                return await activation.InvokeInterleavedAsync(method, arguments);
            }

            if (activation.TryEnqueue(item))
            {
                return await item.Completion;
            }

            await activation.Completion;
        }
    }

    /// <summary>
    /// Writes state and appends events in one transaction, then wakes the relay. A grain's commit carries this
    /// silo's fence for the grain's partition; a commit from outside grains (null activation) carries none.
    /// </summary>
    public async Task<string?> CommitAsync(StateWrite? write, IReadOnlyList<OutboxEvent> events, ActivationData? activation)
    {
        ThrowIfKilled();
        var fence = activation is null ? null : Directory.FenceFor(activation.Partition);
        try
        {
            var etag = await Store.CommitAsync(write, events, fence, CancellationToken.None);
            if (events.Count > 0)
            {
                EventsCommitted?.Invoke();
            }

            return etag;
        }
        catch (OwnershipLostException) when (fence is not null)
        {
            PartitionLost(fence.Partition);
            throw;
        }
    }

    public OwnershipFence FenceFor(int partition) => Directory.FenceFor(partition);

    /// <summary>This silo lost a partition: it stops acting on it at once (no OnDeactivateAsync: it cannot commit).</summary>
    public void PartitionLost(int partition)
    {
        if (Directory.Remove(partition))
        {
            Logger.LogWarning("Silo {Silo} lost partition {Partition}; dropping its activations", Directory.SiloId, partition);
        }

        var lost = new NotOwnerException($"Silo {Directory.SiloId} lost partition {partition}.");
        foreach (var activation in Catalog.ActivationsIn(partition))
        {
            activation.Abandon(lost);
        }
    }

    /// <summary>
    /// Deactivates the activations of a partition being handed over, while its lease still fences them. The wait is
    /// bounded by half a lease, so a long turn cannot hold up lease renewal; stragglers are dropped, and the
    /// fence stops anything they would still commit once the lease is given back.
    /// </summary>
    public async Task DeactivatePartitionAsync(int partition, DeactivationReason reason)
    {
        Directory.BeginRelease(partition);
        var activations = Catalog.ActivationsIn(partition).ToList();
        foreach (var activation in activations)
        {
            activation.Deactivate(reason);
        }

        var all = Task.WhenAll(activations.Select(a => a.Completion));
        if (await Task.WhenAny(all, Task.Delay(Options.Cluster.LeaseDuration / 2, Time)) != all)
        {
            var handedOver = new NotOwnerException($"Silo {Directory.SiloId} handed partition {partition} over.");
            foreach (var straggler in activations.Where(a => !a.Completion.IsCompleted))
            {
                Logger.LogWarning("{Grain} did not deactivate in time for the hand-over; dropping it", straggler.GrainId);
                straggler.Abandon(handedOver);
            }
        }
    }

    /// <summary>Activates a keep-alive grain if this silo owns it.</summary>
    public void EnsureActive(GrainId grain)
    {
        if (Directory.Owns(PartitionOf(grain)))
        {
            try
            {
                Catalog.GetOrActivate(grain).KeepAlive = true;
            }
            catch (InvalidOperationException exception)
            {
                Logger.LogWarning(exception, "Keep-alive grain {Grain} cannot be activated", grain);
            }
        }
    }

    public Task SetKeepAliveAsync(ActivationData activation, bool keepAlive)
    {
        ThrowIfKilled();
        activation.KeepAlive = keepAlive;
        return ClusterStore.SetKeepAliveAsync(
            activation.GrainId, activation.Partition, keepAlive, FenceFor(activation.Partition), CancellationToken.None);
    }

    /// <summary>Stops acting at once, as a crashed process would: nothing more is committed.</summary>
    public void Kill()
    {
        _killed = true;
        var killed = new InvalidOperationException("The silo was killed.");
        foreach (var activation in Catalog.Activations)
        {
            activation.Abandon(killed);
        }
    }

    public void ThrowIfKilled()
    {
        if (_killed)
        {
            throw new InvalidOperationException("The silo was killed.");
        }
    }

    public void Dispose() => Remote.Dispose();
}
