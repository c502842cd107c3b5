namespace KnovvuOrleans.Demo.Progress;

/// <summary>What the demo itself counts for one tenant (the rest is read from the simulators, Kafka and the object store).</summary>
public sealed class TenantCounters
{
    private long _conversationsIn;
    private long _errors;
    private long _eventsOut;
    private long _lastEventLagMs = -1;
    private string? _lastError;

    public long ConversationsIn => Interlocked.Read(ref _conversationsIn);

    /// <summary>Requests of the demo that failed (a non-success answer or an exception), and Kafka read errors.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>The message of the latest error, null while there was none.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Data Feeder events read back from the tenant's Kafka topic.</summary>
    public long EventsOut => Interlocked.Read(ref _eventsOut);

    /// <summary>Seconds between the latest event's append to the topic and its read by the demo; null before the first.</summary>
    public double? LastEventLagSeconds => Interlocked.Read(ref _lastEventLagMs) is var ms and >= 0 ? ms / 1000.0 : null;

    public void AddConversations(int count) => Interlocked.Add(ref _conversationsIn, count);

    public void AddError(string message)
    {
        Volatile.Write(ref _lastError, message);
        Interlocked.Increment(ref _errors);
    }

    /// <summary>The last events read back from the tenant's topic.</summary>
    public RecentEvents RecentEvents { get; } = new();

    public void AddEvent(TimeSpan lag)
    {
        Interlocked.Exchange(ref _lastEventLagMs, Math.Max(0, (long)lag.TotalMilliseconds));
        Interlocked.Increment(ref _eventsOut);
    }
}
