using System.Net.WebSockets;
using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// Listens to one notification channel's websocket until it ends, and reports every agent call that ended (also
/// those that arrive between <c>v2.system.socket_closing</c> and the close, which then returns SocketClosing; the
/// notice itself is passed on at once, so that the next channel can be listening before this socket closes). Genesys
/// queues nothing while no socket is connected, so whoever runs this reconnects at once and leaves the gaps to the
/// nightly reconciliation. A call reported through both conversation topics, or by two sockets of this listener that
/// overlap, is reported once.
/// </summary>
public sealed class GenesysNotificationListener(TimeSpan heartbeatTimeout)
{
    private static readonly string[] EndedStates = ["disconnected", "terminated"];

    private readonly RecentlyReportedCalls _reported = new();

    /// <param name="onSocketClosing">Called when <c>v2.system.socket_closing</c> arrives; the socket is read on until it closes.</param>
    public async Task<ListenerStop> ListenAsync(
        Uri connectUri, Func<CallEnded, Task> onCallEnded, CancellationToken cancellationToken, Action? onSocketClosing = null)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(connectUri, cancellationToken);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        // After socket_closing the socket still delivers until Genesys closes it: reading on loses none of that.
        var closing = false;
        while (true)
        {
            using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            silence.CancelAfter(heartbeatTimeout);
            WebSocketReceiveResult received;
            try
            {
                received = await socket.ReceiveAsync(buffer, silence.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ListenerStop.Cancelled;
            }
            catch (OperationCanceledException)
            {
                return closing ? ListenerStop.SocketClosing : ListenerStop.HeartbeatMissed;
            }
            catch (WebSocketException)
            {
                return closing ? ListenerStop.SocketClosing : ListenerStop.Closed;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return closing ? ListenerStop.SocketClosing : ListenerStop.Closed;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var notification = JsonSerializer.Deserialize<NotificationMessage<JsonElement>>(message.GetBuffer().AsSpan(0, (int)message.Length));
            message.SetLength(0);
            if (notification!.TopicName == GenesysCloudApi.Topics.SocketClosing)
            {
                closing = true;
                onSocketClosing?.Invoke();
                continue;
            }

            if (EndedCall(notification) is { } ended && _reported.Add(ended.ConversationId))
            {
                await onCallEnded(ended);
            }
        }
    }

    /// <summary>The ended call of a conversation event on a user's topic, or null (heartbeats, calls still going).</summary>
    private static CallEnded? EndedCall(NotificationMessage<JsonElement> notification)
    {
        const string prefix = "v2.users.";
        var topic = notification.TopicName;
        if (!topic.StartsWith(prefix, StringComparison.Ordinal) || !topic.Contains(".conversations", StringComparison.Ordinal))
        {
            return null;
        }

        var userId = topic[prefix.Length..topic.IndexOf(".conversations", StringComparison.Ordinal)];
        var conversation = notification.EventBody.Deserialize<ConversationEventBody>();
        var agent = conversation?.Participants.FirstOrDefault(p =>
            p.Purpose == "agent" && p.UserId == userId && EndedStates.Contains(p.State) && p.EndTime is not null);
        return agent is null ? null : new CallEnded(conversation!.Id, userId, agent.EndTime!.Value);
    }
}
