namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>
/// A set-up step (creating the bucket) done once for the life of the process, but only once it has worked: a failed
/// attempt is forgotten, so the next caller tries again. Concurrent callers share the attempt in flight.
/// </summary>
public sealed class RetriedUntilDone(Func<Task> step)
{
    private readonly Lock _lock = new();
    private Task? _attempt;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_attempt is null || _attempt.IsFaulted || _attempt.IsCanceled)
            {
                // Not the caller's token: the attempt is shared, and one caller giving up must not fail the others.
                _attempt = Task.Run(step, CancellationToken.None);
            }

            return _attempt.WaitAsync(cancellationToken);
        }
    }
}
