using System.Collections.Concurrent;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Runtime.Hosting;

namespace KnovvuOrleans.Runtime.Tests.Grains;

/// <summary>A keep-alive grain whose background loop stands for a connection that must be held by exactly one silo.</summary>
public interface IWatcherGrain : IGrainWithStringKey
{
    Task Start();
}

public sealed class WatcherState
{
    public bool Running { get; set; }
}

public sealed class WatcherGrain([PersistentState("watcher")] IPersistentState<WatcherState> state, WatchLog log, Silo silo)
    : Grain, IWatcherGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Running)
        {
            StartBackgroundWork(WatchAsync);
        }

        return Task.CompletedTask;
    }

    public async Task Start()
    {
        if (!state.State.Running)
        {
            state.State.Running = true;
            await state.WriteStateAsync();
            await RegisterKeepAlive();
            StartBackgroundWork(WatchAsync);
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref log.Running);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                log.Beats.Enqueue((silo.SiloId, DateTime.UtcNow));
                await Task.Delay(50, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref log.Running);
        }
    }
}

public sealed class WatchLog
{
    public int Running;

    public ConcurrentQueue<(string Silo, DateTime At)> Beats { get; } = new();
}
