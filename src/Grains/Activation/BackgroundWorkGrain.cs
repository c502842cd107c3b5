using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Grains.Activation;

/// <summary>
/// A grain that runs work beside its turns (a listening loop, a long sync or report run), on the thread pool, while its
/// activation lives. The work is cancelled when the activation is deactivated and when its silo stops, also when the
/// silo is stopped hard, so a moved grain never leaves a second copy of its work running on the old silo. The work
/// reaches its grain only through grain calls (GrainFactory), never by touching its fields' turn-bound state.
/// </summary>
public abstract class BackgroundWorkGrain : Grain
{
    private readonly List<Task> _running = [];
    private CancellationTokenSource? _stopping;

    protected void StartBackgroundWork(Func<CancellationToken, Task> work)
    {
        _stopping ??= CancellationTokenSource.CreateLinkedTokenSource(
            ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        _running.RemoveAll(t => t.IsCompleted);
        var token = _stopping.Token;
        var logger = ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());
        var identity = IdentityString;
        _running.Add(Task.Run(async () =>
        {
            try
            {
                await work(token);
            }
            catch (Exception exception) when (!token.IsCancellationRequested)
            {
                // The work handles what it expects; anything else must not vanish with an unobserved task.
                logger.LogError(exception, "Background work of {Grain} failed", identity);
            }
        }, CancellationToken.None));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_stopping is not null)
        {
            await _stopping.CancelAsync();
            // The work ends at its next await; a turn must not wait for it beyond the deactivation's own deadline.
            await Task.WhenAll(_running).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            _stopping.Dispose();
            _stopping = null;
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }
}
