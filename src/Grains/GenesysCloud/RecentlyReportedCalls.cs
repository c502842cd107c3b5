namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// The conversation ids a channel's listener reported lately, shared by its sockets: a call comes on both conversation
/// topics, and on both the old and the new socket while they overlap after <c>v2.system.socket_closing</c>. Only the
/// latest <see cref="Capacity"/> are kept; such repeats arrive within moments of each other.
/// </summary>
public sealed class RecentlyReportedCalls
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time a conversation id comes (lately); false for a repeat.</summary>
    public bool Add(string conversationId)
    {
        lock (_gate)
        {
            if (!_ids.Add(conversationId))
            {
                return false;
            }

            _order.Enqueue(conversationId);
            if (_order.Count > Capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
