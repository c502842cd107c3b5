using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// A notification channel of one OAuth client: its topics, its expiry and its websocket, if one is connected. A
/// channel that expired, was evicted or was expired by a test is gone for good: 404 to every request about it.
/// </summary>
public sealed class SimulatedChannel
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private DateTimeOffset _expires;
    private DateTimeOffset _lastUsed;
    private ChannelConnection? _connection;
    private int _connections;
    private bool _gone;

    internal SimulatedChannel(string id, string clientId, string orgId, DateTimeOffset createdAt, DateTimeOffset expires)
    {
        Id = id;
        ClientId = clientId;
        OrgId = orgId;
        CreatedAt = _lastUsed = createdAt;
        _expires = expires;
    }

    public string Id { get; }

    public string ClientId { get; }

    public string OrgId { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Creation or the last subscription request, plus the channel lifetime.</summary>
    public DateTimeOffset Expires => Read(() => _expires);

    /// <summary>The subscribed topics, in ordinal order.</summary>
    public IReadOnlyList<string> Topics => Read(() => _topics.Order(StringComparer.Ordinal).ToArray());

    public bool IsConnected => Read(() => _connection is not null);

    /// <summary>How many websockets connected to it so far.</summary>
    public int Connections => Read(() => _connections);

    /// <summary>True once expired, evicted or expired by a test.</summary>
    public bool IsGone => Read(() => _gone);

    internal DateTimeOffset LastUsed => Read(() => _lastUsed);

    internal ChannelConnection? Connection => Read(() => _connection);

    internal bool HasTopic(string topic) => Read(() => _topics.Contains(topic));

    internal bool HasExpired(DateTimeOffset now) => now >= Expires;

    /// <summary>
    /// Adds <paramref name="topics"/> (or makes them the only ones) and extends the channel's life, unless the result
    /// would hold more than <see cref="GenesysCloudApi.MaxTopicsPerChannel"/> topics: then nothing changes.
    /// </summary>
    internal bool Subscribe(IReadOnlyCollection<string> topics, bool replace, DateTimeOffset now, TimeSpan lifetime)
    {
        lock (_gate)
        {
            var count = replace ? topics.Count : _topics.Count + topics.Count(t => !_topics.Contains(t));
            if (count > GenesysCloudApi.MaxTopicsPerChannel)
            {
                return false;
            }

            if (replace)
            {
                _topics.Clear();
            }

            _topics.UnionWith(topics);
            _expires = now + lifetime;
            _lastUsed = now;
            return true;
        }
    }

    internal void Unsubscribe()
    {
        lock (_gate)
        {
            _topics.Clear();
        }
    }

    /// <summary>Makes <paramref name="connection"/> the channel's socket, unless the channel is gone.</summary>
    /// <param name="replaced">The socket it replaces, for the caller to close.</param>
    internal bool TryAttach(ChannelConnection connection, DateTimeOffset now, out ChannelConnection? replaced)
    {
        lock (_gate)
        {
            replaced = _gone ? null : _connection;
            if (_gone)
            {
                return false;
            }

            _connection = connection;
            _connections++;
            _lastUsed = now;
            return true;
        }
    }

    internal void Detach(ChannelConnection connection)
    {
        lock (_gate)
        {
            if (_connection == connection)
            {
                _connection = null;
            }
        }
    }

    /// <summary>Marks the channel gone; returns its socket, for the caller to close.</summary>
    internal ChannelConnection? MarkGone()
    {
        lock (_gate)
        {
            _gone = true;
            var connection = _connection;
            _connection = null;
            return connection;
        }
    }

    internal NotificationChannel ToWire(string connectUri) => new() { Id = Id, ConnectUri = connectUri, Expires = Expires };

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
