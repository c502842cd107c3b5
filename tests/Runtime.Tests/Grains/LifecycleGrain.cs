using System.Collections.Concurrent;
using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Runtime.Tests.Grains;

/// <summary>Records its activations, deactivations and how many of its turns ever ran at once.</summary>
public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<int> Enter();

    Task Sleep(TimeSpan duration);

    Task Meet(int expected);

    [AlwaysInterleave]
    Task<string> Status();

    Task Deactivate();
}

public sealed class LifecycleGrain(LifecycleLog log) : Grain, ILifecycleGrain
{
    private int _inside;
    private int _calls;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (log.FailActivations > 0)
        {
            Interlocked.Decrement(ref log.FailActivations);
            throw new InvalidOperationException("activation refused");
        }

        log.Events.Enqueue($"activate {GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Events.Enqueue($"deactivate {GetPrimaryKeyString()} {reason}");
        return Task.CompletedTask;
    }

    public async Task<int> Enter()
    {
        var inside = Interlocked.Increment(ref _inside);
        log.RecordConcurrency(inside);
        await Task.Yield();
        await Task.Delay(1);
        Interlocked.Decrement(ref _inside);
        return ++_calls;
    }

    public Task Sleep(TimeSpan duration) => Task.Delay(duration);

    public Task Meet(int expected) => log.MeetAsync(expected);

    public Task<string> Status() => Task.FromResult($"calls={_calls}");

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public sealed class LifecycleLog
{
    private int _maxConcurrency;

    public int FailActivations;

    public ConcurrentQueue<string> Events { get; } = new();

    private readonly TaskCompletionSource _allMet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _met;

    public int MaxConcurrency => Volatile.Read(ref _maxConcurrency);

    public int Met => Volatile.Read(ref _met);

    public Task MeetAsync(int expected)
    {
        if (Interlocked.Increment(ref _met) == expected)
        {
            _allMet.SetResult();
        }

        return _allMet.Task;
    }

    public void RecordConcurrency(int inside)
    {
        int seen;
        while (inside > (seen = Volatile.Read(ref _maxConcurrency)) && Interlocked.CompareExchange(ref _maxConcurrency, inside, seen) != seen)
        {
        }
    }
}
