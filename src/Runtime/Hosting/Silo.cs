using KnovvuOrleans.Runtime.Activation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Runtime.Hosting;

/// <summary>
/// The silo's lifetime as a hosted service: prepares the store, then runs the reminder poller, the outbox relay and
/// the idle-activation collector; on stop it ends them and deactivates every activation.
/// </summary>
public sealed class Silo : IHostedService
{
    private readonly GrainRuntime _runtime;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];

    internal Silo(GrainRuntime runtime) => _runtime = runtime;

    /// <summary>Activations currently on this silo.</summary>
    public int ActivationCount => _runtime.Catalog.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _runtime.Store.InitializeAsync(cancellationToken);
        var token = _stopping.Token;
        _loops.Add(Task.Run(() => _runtime.Reminders.RunAsync(null, token), CancellationToken.None));
        _loops.Add(Task.Run(() => _runtime.Relay.RunAsync(null, token), CancellationToken.None));
        _loops.Add(Task.Run(() => CollectIdleActivationsAsync(token), CancellationToken.None));
        _runtime.Logger.LogInformation("Silo started");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken);
        var activations = _runtime.Catalog.Activations.ToList();
        foreach (var activation in activations)
        {
            activation.Deactivate(DeactivationReason.ShuttingDown);
        }

        await Task.WhenAll(activations.Select(a => a.Completion)).WaitAsync(cancellationToken);
        _runtime.Logger.LogInformation("Silo stopped after deactivating {Count} activations", activations.Count);
    }

    /// <summary>
    /// Simulates a crash for tests: background work stops and activations are dropped without OnDeactivateAsync;
    /// nothing more is committed by this silo. Work in progress is left to the next silo, as after a real crash.
    /// </summary>
    public void Kill()
    {
        _runtime.Kill();
        _stopping.Cancel();
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
