using System.Collections.Concurrent;
using System.Diagnostics;
using KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// The silo's connector, wrapped: publishes wait while the gate is closed (to fill the outbox first), and the first
/// broker acknowledgement of each conversation's event is timed.
/// </summary>
internal sealed class AckClock(IDataFeederConnector inner) : IDataFeederConnector
{
    private volatile TaskCompletionSource _gate = Opened();

    public ConcurrentDictionary<string, long> FirstAck { get; } = new();

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate.TrySetResult();

    public async Task PublishAsync(DataFeederDestination destination, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        await inner.PublishAsync(destination, records, cancellationToken);
        var now = Stopwatch.GetTimestamp();
        foreach (var record in records)
        {
            FirstAck.TryAdd(record.Key, now);
        }
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
