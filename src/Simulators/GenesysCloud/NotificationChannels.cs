using System.Net.WebSockets;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// Every notification channel of the simulator, with the test hooks that break them: <see cref="DropSocket"/>,
/// <see cref="ExpireChannel"/> and <see cref="SocketClosing"/>. A channel found expired (on the simulator's clock) is
/// removed and its socket closed when anything next touches it: a request, a heartbeat tick, an event.
/// </summary>
public sealed class NotificationChannels
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedChannel> _channels = new(StringComparer.Ordinal);
    private readonly GenesysCloudSimulatorOptions _options;
    private readonly NotificationLog _log;

    internal NotificationChannels(GenesysCloudSimulatorOptions options, NotificationLog log)
    {
        _options = options;
        _log = log;
    }

    /// <summary>The live channels, oldest first.</summary>
    public IReadOnlyList<SimulatedChannel> All => Live(_ => true);

    /// <summary>The live channel with this id, or null.</summary>
    public SimulatedChannel? Find(string channelId) => Live(c => c.Id == channelId).SingleOrDefault();

    /// <summary>The live channels subscribed to a topic (for example to see how members were sharded).</summary>
    public IReadOnlyList<SimulatedChannel> WithTopic(string topic) => Live(c => c.HasTopic(topic));

    /// <summary>Cuts the channel's socket without a close handshake; the channel stays. False when no socket is connected.</summary>
    public bool DropSocket(string channelId)
    {
        var connection = Find(channelId)?.Connection;
        connection?.Abort();
        return connection is not null;
    }

    /// <summary>Ends the channel now, as its expiry does: the socket is closed and the channel is gone (404). False when there is no such live channel.</summary>
    public bool ExpireChannel(string channelId)
    {
        var channel = Find(channelId);
        if (channel is not null)
        {
            Remove(channel, "The channel expired.");
        }

        return channel is not null;
    }

    /// <summary>
    /// Sends <c>v2.system.socket_closing</c> on the channel's socket and closes the socket after
    /// <paramref name="closeAfter"/> (default <see cref="GenesysCloudSimulatorOptions.SocketClosingNotice"/>), as a
    /// maintenance does. The channel itself stays. False when no socket is connected.
    /// </summary>
    public bool SocketClosing(string channelId, TimeSpan? closeAfter = null)
    {
        var connection = Find(channelId)?.Connection;
        if (connection is null || !connection.Send(NotificationPayloads.SocketClosing))
        {
            return false;
        }

        _ = CloseLaterAsync(connection, closeAfter ?? _options.SocketClosingNotice);
        return true;
    }

    /// <summary>A new channel of the client; the 21st removes the least recently used one, unconnected ones first.</summary>
    internal SimulatedChannel Create(string clientId, string orgId)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var channel = new SimulatedChannel($"streaming-{Guid.NewGuid():N}", clientId, orgId, now, now + GenesysCloudApi.ChannelLifetime);
        var own = Live(c => c.ClientId == clientId);
        if (own.Count >= GenesysCloudApi.MaxChannelsPerClient)
        {
            var evicted = own.OrderBy(c => c.IsConnected).ThenBy(c => c.LastUsed).First();
            Remove(evicted, "The channel was replaced by a newer one (20 channels per client).");
        }

        lock (_gate)
        {
            _channels.Add(channel.Id, channel);
        }

        return channel;
    }

    /// <summary>The client's live channel with this id; null (404) for a gone one or another client's.</summary>
    internal SimulatedChannel? FindOwn(string channelId, string clientId) => Find(channelId) is { } channel && channel.ClientId == clientId ? channel : null;

    /// <summary>Whether the channel still lives; removes it (closing its socket) when it has expired.</summary>
    internal bool Lives(SimulatedChannel channel) => !channel.IsGone && Find(channel.Id) is not null;

    /// <summary>
    /// Publishes a call's end to every live channel of its org subscribed to the agent's conversation topics; a
    /// channel without a socket loses it. Every outcome goes to the notification log.
    /// </summary>
    internal void Publish(SimulatedConversation conversation)
    {
        var now = _options.TimeProvider.GetUtcNow();
        string[] topics = [GenesysCloudApi.Topics.UserConversations(conversation.AgentUserId), GenesysCloudApi.Topics.UserConversationCalls(conversation.AgentUserId)];
        var subscribed = false;
        foreach (var channel in Live(c => c.OrgId == conversation.OrgId))
        {
            foreach (var topic in topics.Where(channel.HasTopic))
            {
                subscribed = true;
                var notification = new ConversationNotification(conversation.Id, topic, channel.Id, now);
                var connection = channel.Connection;
                if (connection is null)
                {
                    _log.Record(notification with { Loss = NotificationLoss.NotConnected });
                }
                else if (!connection.Send(
                    NotificationPayloads.ConversationEvent(topic, conversation.EventBody),
                    delivered => _log.Record(delivered ? notification : notification with { Loss = NotificationLoss.ConnectionEnded })))
                {
                    _log.Record(notification with { Loss = NotificationLoss.ConnectionEnded });
                }
            }
        }

        if (!subscribed)
        {
            _log.Record(new ConversationNotification(conversation.Id, topics[0], null, now, NotificationLoss.NoSubscriber));
        }
    }

    // Removes expired channels on the way, so that every reader sees the clock's truth.
    private IReadOnlyList<SimulatedChannel> Live(Func<SimulatedChannel, bool> predicate)
    {
        var now = _options.TimeProvider.GetUtcNow();
        SimulatedChannel[] all;
        lock (_gate)
        {
            all = _channels.Values.ToArray();
        }

        foreach (var expired in all.Where(c => c.HasExpired(now)))
        {
            Remove(expired, "The channel expired.");
        }

        return all.Where(c => !c.IsGone && predicate(c)).OrderBy(c => c.CreatedAt).ToArray();
    }

    private void Remove(SimulatedChannel channel, string reason)
    {
        lock (_gate)
        {
            _channels.Remove(channel.Id);
        }

        channel.MarkGone()?.Close(WebSocketCloseStatus.EndpointUnavailable, reason);
    }

    private async Task CloseLaterAsync(ChannelConnection connection, TimeSpan after)
    {
        await Task.Delay(after, _options.TimeProvider);
        connection.Close(WebSocketCloseStatus.EndpointUnavailable, "The socket closed for maintenance.");
    }
}
