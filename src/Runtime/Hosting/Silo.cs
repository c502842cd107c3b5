using KnovvuOrleans.Runtime.Activation;
using KnovvuOrleans.Runtime.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Runtime.Hosting;

/// <summary>
/// The silo's lifetime as a hosted service: prepares the store, opens the silo endpoint, joins the cluster and takes
/// its share of partitions, then runs membership, the reminder poller, the outbox relay and the idle collector. On
/// stop it hands every partition over (deactivating its grains first) and leaves.
/// </summary>
public sealed class Silo : IHostedService
{
    private readonly GrainRuntime _runtime;
    private readonly SiloEndpoint _endpoint;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private Task? _stopped;

    internal Silo(GrainRuntime runtime)
    {
        _runtime = runtime;
        _endpoint = new SiloEndpoint(runtime);
    }

    public string SiloId => _runtime.Directory.SiloId;

    /// <summary>Where other silos reach this one; null for a client-only process.</summary>
    public string? Address { get; private set; }

    /// <summary>Activations currently on this silo.</summary>
    public int ActivationCount => _runtime.Catalog.Count;

    public IReadOnlyCollection<int> OwnedPartitions => _runtime.Directory.OwnedPartitions;

    /// <summary>Test hook: stop heartbeating and renewing leases while going on serving, as a paused or cut-off silo would.</summary>
    public bool MembershipSuspended
    {
        get => _runtime.Membership.Suspended;
        set => _runtime.Membership.Suspended = value;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _runtime.Store.InitializeAsync(cancellationToken);
        var hostsGrains = _runtime.Options.Cluster.HostGrains;
        if (hostsGrains)
        {
            Address = await _endpoint.StartAsync(cancellationToken);
        }

        await _runtime.Membership.JoinAsync(Address ?? "", cancellationToken);
        var token = _stopping.Token;
        _loops.Add(Task.Run(() => _runtime.Membership.RunAsync(token), CancellationToken.None));
        if (hostsGrains)
        {
            _loops.Add(Task.Run(() => _runtime.Reminders.RunAsync(token), CancellationToken.None));
            _loops.Add(Task.Run(() => _runtime.Relay.RunAsync(token), CancellationToken.None));
            _loops.Add(Task.Run(() => CollectIdleActivationsAsync(token), CancellationToken.None));
        }

        _runtime.Logger.LogInformation("Silo {Silo} started at {Address} with {Partitions} partitions",
            SiloId, Address ?? "(client only)", OwnedPartitions.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_loops)
        {
            return _stopped ??= _runtime.IsKilled ? Task.CompletedTask : StopCoreAsync(cancellationToken);
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken);
        var activations = _runtime.Catalog.Count;
        try
        {
            await _runtime.Membership.LeaveAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Leaving is a courtesy: without it the others take the partitions over when the leases run out.
            _runtime.Logger.LogWarning(exception, "Silo {Silo} could not hand its partitions over; they move when its leases expire", SiloId);
        }

        await _endpoint.StopAsync(graceful: true);
        _runtime.Logger.LogInformation("Silo {Silo} left after deactivating {Count} activations", SiloId, activations);
    }

    /// <summary>
    /// Simulates a crash for tests: background work stops, open connections drop and activations are dropped
    /// without OnDeactivateAsync; nothing more is committed by this silo, and its leases run out.
    /// </summary>
    public void Kill()
    {
        _runtime.Kill();
        _stopping.Cancel();
        _ = _endpoint.StopAsync(graceful: false);
    }

    private async Task CollectIdleActivationsAsync(CancellationToken cancellationToken)
    {
        var options = _runtime.Options;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CollectionInterval, _runtime.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            foreach (var activation in _runtime.Catalog.Activations)
            {
                if (activation.IsIdleFor(options.IdleTimeout))
                {
                    activation.Deactivate(DeactivationReason.IdleTimeout);
                }
            }
        }
    }
}
