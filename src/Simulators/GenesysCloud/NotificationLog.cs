using System.Collections.Concurrent;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>What became of every call-ended event, for tests that count deliveries and losses.</summary>
public sealed class NotificationLog
{
    private readonly ConcurrentQueue<ConversationNotification> _delivered = new();
    private readonly ConcurrentQueue<ConversationNotification> _lost = new();

    /// <summary>Events written to a socket, in the order they were written.</summary>
    public IReadOnlyList<ConversationNotification> Delivered => _delivered.ToArray();

    /// <summary>Events no client got (see <see cref="ConversationNotification.Loss"/>).</summary>
    public IReadOnlyList<ConversationNotification> Lost => _lost.ToArray();

    internal void Record(ConversationNotification notification) =>
        (notification.Loss is null ? _delivered : _lost).Enqueue(notification);
}
