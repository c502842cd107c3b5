using System.Reflection;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Runtime.Activation;

/// <summary>
/// One live grain: its instance and its mailbox. A single loop takes mailbox items one at a time, so turns of
/// one activation never overlap. The first turn reads the persistent states and runs OnActivateAsync; the
/// deactivate item, once queued, closes the mailbox, and callers that find it closed retry on a new activation.
/// </summary>
internal sealed class ActivationData
{
    [ThreadStatic]
    private static ActivationData? _constructing;

    private readonly Channel<WorkItem> _mailbox = Channel.CreateUnbounded<WorkItem>(new() { SingleReader = true });
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _activated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IActivationState> _states = [];
    private readonly CancellationTokenSource _lifetime = new();
    private readonly List<Task> _backgroundWork = [];
    private readonly GrainClass _grainClass;
    private Grain? _grain;
    private bool _closing;
    private bool _abandoned;
    private int _queued;
    private long _lastActivity;

    public ActivationData(GrainId grainId, GrainClass grainClass, GrainRuntime runtime)
    {
        GrainId = grainId;
        _grainClass = grainClass;
        Runtime = runtime;
        Partition = runtime.PartitionOf(grainId);
        _lastActivity = runtime.Time.GetTimestamp();
    }

    /// <summary>The activation whose grain is being constructed on this thread (read by the Grain constructor).</summary>
    public static ActivationData? Constructing => _constructing;

    public GrainId GrainId { get; }

    public int Partition { get; }

    public GrainRuntime Runtime { get; }

    /// <summary>Completes when the activation is gone (deactivated, failed to activate, or abandoned).</summary>
    public Task Completion => _completed.Task;

    /// <summary>A keep-alive grain is never collected as idle.</summary>
    public bool KeepAlive { get; set; }

    public bool IsIdleFor(TimeSpan idle) =>
        !KeepAlive && !HasRunningBackgroundWork && Volatile.Read(ref _queued) == 0
        && Runtime.Time.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= idle;

    public void Start()
    {
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(RunAsync);
        }
    }

    public void Register(IActivationState state) => _states.Add(state);

    /// <summary>Queues a call; false when the activation is closing and the caller must use a new one.</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_lock)
        {
            if (_closing || !_mailbox.Writer.TryWrite(item))
            {
                return false;
            }

            Interlocked.Increment(ref _queued);
            return true;
        }
    }

    /// <summary>Runs an [AlwaysInterleave] method beside the current turn, once the grain is activated.</summary>
    public async Task<object?> InvokeInterleavedAsync(GrainMethod method, object?[] arguments)
    {
        await _activated.Task;
        return await method.InvokeAsync(_grain!, arguments);
    }

    /// <summary>
    /// Runs work outside turns for as long as the activation lives (a listener, a poller); it is cancelled when the
    /// activation is deactivated or dropped. To change grain state it calls its own grain through the factory.
    /// </summary>
    public void StartBackgroundWork(Func<CancellationToken, Task> work)
    {
        using (ExecutionContext.SuppressFlow())
        lock (_backgroundWork)
        {
            _backgroundWork.RemoveAll(t => t.IsCompleted);
            _backgroundWork.Add(Task.Run(async () =>
            {
                try
                {
                    await work(_lifetime.Token);
                }
                catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
                {
                }
                catch (Exception exception)
                {
                    Runtime.Logger.LogError(exception, "Background work of {Grain} failed", GrainId);
                }
            }));
        }
    }

    private bool HasRunningBackgroundWork
    {
        get
        {
            lock (_backgroundWork)
            {
                return _backgroundWork.Any(t => !t.IsCompleted);
            }
        }
    }

    /// <summary>Asks for deactivation after the calls already queued; false if it is already closing.</summary>
    public bool Deactivate(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_closing)
            {
                return false;
            }

            _closing = true;
            _mailbox.Writer.TryWrite(WorkItem.Deactivate(reason));
            _mailbox.Writer.TryComplete();
            return true;
        }
    }

    /// <summary>
    /// Drops the activation without OnDeactivateAsync, as a crash would: queued calls fail, nothing more runs
    /// after the turn in progress.
    /// </summary>
    public void Abandon(Exception reason)
    {
        lock (_lock)
        {
            _closing = true;
            _abandoned = true;
            _mailbox.Writer.TryComplete();
        }

        _lifetime.Cancel();

        while (_mailbox.Reader.TryRead(out var item))
        {
            item.Fail(reason);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await ActivateAsync();
            _activated.SetResult();
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogWarning(exception, "Activation of {Grain} failed", GrainId);
            _activated.TrySetException(exception);
            _ = _activated.Task.Exception; // observed: callers get the exception through their own work items
            Abandon(exception);
            Close();
            return;
        }

        await foreach (var item in _mailbox.Reader.ReadAllAsync())
        {
            if (_abandoned)
            {
                item.Fail(new InvalidOperationException($"{GrainId} was abandoned."));
                continue;
            }

            if (item.Deactivation is { } reason)
            {
                await DeactivateCoreAsync(reason);
                break;
            }

            await RunTurnAsync(item);
        }

        Close();
    }

    private async Task ActivateAsync()
    {
        _grain = CreateGrain();
        foreach (var state in _states)
        {
            await state.ReadAsync();
        }

        var turn = new TurnContext(this);
        TurnContext.Current = turn;
        try
        {
            await _grain.OnActivateAsync(CancellationToken.None);
            await turn.CommitRemainingAsync();
        }
        finally
        {
            TurnContext.Current = null;
        }
    }

    private async Task RunTurnAsync(WorkItem item)
    {
        var turn = new TurnContext(this);
        TurnContext.Current = turn;
        try
        {
            var result = await item.Invoke!(_grain!);
            await turn.CommitRemainingAsync();
            item.Complete(result);
        }
        catch (Exception exception)
        {
            turn.Take();
            item.Fail(exception);
            await ReloadStatesAsync();
        }
        finally
        {
            TurnContext.Current = null;
            Interlocked.Exchange(ref _lastActivity, Runtime.Time.GetTimestamp());
            Interlocked.Decrement(ref _queued);
        }
    }

    // A failed turn leaves nothing behind: in-memory state it changed but did not write is replaced by what is stored.
    private async Task ReloadStatesAsync()
    {
        try
        {
            foreach (var state in _states)
            {
                await state.ReadAsync();
            }
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogWarning(exception, "Reloading state of {Grain} after a failed turn failed; deactivating", GrainId);
            Deactivate(DeactivationReason.ApplicationRequested);
        }
    }

    private async Task DeactivateCoreAsync(DeactivationReason reason)
    {
        await _lifetime.CancelAsync();
        Task[] background;
        lock (_backgroundWork)
        {
            background = [.. _backgroundWork];
        }

        await Task.WhenAll(background).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        var turn = new TurnContext(this);
        TurnContext.Current = turn;
        try
        {
            await _grain!.OnDeactivateAsync(reason, CancellationToken.None);
            await turn.CommitRemainingAsync();
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogWarning(exception, "OnDeactivateAsync of {Grain} failed", GrainId);
        }
        finally
        {
            TurnContext.Current = null;
        }
    }

    private void Close()
    {
        Runtime.Catalog.Remove(this);
        _completed.TrySetResult();
    }

    private Grain CreateGrain()
    {
        var constructor = _grainClass.Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(ResolveParameter).ToArray();
        _constructing = this;
        try
        {
            return (Grain)constructor.Invoke(arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
        finally
        {
            _constructing = null;
        }
    }

    private object ResolveParameter(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } attribute)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException($"[PersistentState] parameter {parameter.Name} must be an IPersistentState<T>.");
            }

            var stateType = typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments()[0]);
            return Activator.CreateInstance(stateType, attribute.StateName, this)!;
        }

        return Runtime.Services.GetService(parameter.ParameterType)
               ?? ActivatorUtilities.CreateInstance(Runtime.Services, parameter.ParameterType);
    }
}

/// <summary>A persistent state of an activation, re-read after a failed turn.</summary>
internal interface IActivationState
{
    Task ReadAsync();
}
