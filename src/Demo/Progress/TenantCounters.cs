namespace KnovvuOrleans.Demo.Progress;

/// <summary>What the demo itself counts for one tenant (the rest is read from the simulators, Kafka and the object store).</summary>
public sealed class TenantCounters
{
    private long _conversationsIn;
    private long _errors;
    private long _eventsOut;

    public long ConversationsIn => Interlocked.Read(ref _conversationsIn);

    /// <summary>Requests of the demo that failed (a non-success answer or an exception), and Kafka read errors.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Data Feeder events read back from the tenant's Kafka topic.</summary>
    public long EventsOut => Interlocked.Read(ref _eventsOut);

    public void AddConversations(int count) => Interlocked.Add(ref _conversationsIn, count);

    public void AddError() => Interlocked.Increment(ref _errors);

    /// <summary>The last events read back from the tenant's topic.</summary>
    public RecentEvents RecentEvents { get; } = new();

    public void AddEvent() => Interlocked.Increment(ref _eventsOut);
}
