namespace KnovvuOrleans.Runtime.Activation;

/// <summary>One entry of an activation's mailbox: a call to run as a turn, or the request to deactivate.</summary>
internal sealed class WorkItem
{
    private readonly TaskCompletionSource<object?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkItem(string name, Func<Grain, Task<object?>>? invoke, DeactivationReason? deactivation)
    {
        Name = name;
        Invoke = invoke;
        Deactivation = deactivation;
    }

    public string Name { get; }

    public Func<Grain, Task<object?>>? Invoke { get; }

    public DeactivationReason? Deactivation { get; }

    public Task<object?> Completion => _completion.Task;

    public static WorkItem Call(string name, Func<Grain, Task<object?>> invoke) => new(name, invoke, null);

    public static WorkItem Deactivate(DeactivationReason reason) => new("deactivate", null, reason);

    public void Complete(object? result) => _completion.TrySetResult(result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
