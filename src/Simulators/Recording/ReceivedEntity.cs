namespace KnovvuOrleans.Simulators.Recording;

/// <summary>
/// Something a simulator stored under a tenant and an external id, with how often it was received. Whether a repeat
/// replaces <see cref="Value"/> (an upsert) or leaves the first one (an idempotent create) is the store's choice.
/// </summary>
public class ReceivedEntity<T>
    where T : class
{
    private readonly Lock _gate = new();
    private T _value;
    private DateTimeOffset _lastReceivedAt;
    private int _receiveCount = 1;

    internal ReceivedEntity(string tenant, string externalId, T value, DateTimeOffset receivedAt)
    {
        Tenant = tenant;
        ExternalId = externalId;
        _value = value;
        FirstReceivedAt = _lastReceivedAt = receivedAt;
    }

    public string Tenant { get; }

    public string ExternalId { get; }

    public DateTimeOffset FirstReceivedAt { get; }

    public T Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
    }

    public DateTimeOffset LastReceivedAt
    {
        get
        {
            lock (_gate)
            {
                return _lastReceivedAt;
            }
        }
    }

    /// <summary>How many accepted requests carried it (the first one included).</summary>
    public int ReceiveCount
    {
        get
        {
            lock (_gate)
            {
                return _receiveCount;
            }
        }
    }

    /// <summary>Counts a repeat; <paramref name="replacement"/> (when not null) becomes the value.</summary>
    internal void Repeat(T? replacement, DateTimeOffset receivedAt)
    {
        lock (_gate)
        {
            _value = replacement ?? _value;
            _lastReceivedAt = receivedAt;
            _receiveCount++;
        }
    }
}
