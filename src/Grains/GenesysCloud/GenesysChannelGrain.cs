using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using KnovvuOrleans.Grains.Outbound;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Grains.Activation;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// One notification channel of a tenant (key <c>{tenantId}/{shard}</c>). Orleans keeps one activation of it in the
/// cluster; once assigned, a keep-alive reminder (every <see cref="GenesysListenerOptions.KeepAlivePeriod"/>) activates
/// it again on a live silo soon after its silo dies, and its activation runs the listening loop as background work: open (or reuse) the channel, subscribe the members' conversation topics (which also extends the
/// channel's life), listen until the socket ends, and start over at once. On <c>v2.system.socket_closing</c> the next
/// channel is opened, subscribed and listened to while the old socket is still read until it closes, so no event falls
/// between the two. Genesys keeps nothing while no socket is connected; the nightly reconciliation imports what was missed.
/// </summary>
[GrainType("genesys-channel")]
public sealed class GenesysChannelGrain(
    [PersistentState("genesys-channel")] IPersistentState<GenesysChannelState> state,
    SecretProtector secrets,
    GenesysCloudClient client,
    IOptions<GenesysListenerOptions> options,
    DurableStreamPublisher streams,
    ILogger<GenesysChannelGrain> logger) : BackgroundWorkGrain, IGenesysChannelGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-alive";

    private CancellationTokenSource? _listening;
    private volatile GenesysChannelStatus _status = new(null, false, 0, 0, null, 0, null);

    // The topics the listening loop subscribes at its next (re)connect; a reassignment replaces them in place.
    private volatile IReadOnlyCollection<string> _topics = [];

    private string TenantId => TenantKey.TenantOf(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists)
        {
            StartListening();
        }

        return Task.CompletedTask;
    }

    public async Task Assign(GenesysChannelAssignment assignment)
    {
        if (assignment.MemberUserIds.Count > GenesysCloudApi.MaxTopicsPerChannel)
        {
            throw new ArgumentException($"A channel takes at most {GenesysCloudApi.MaxTopicsPerChannel} members.", nameof(assignment));
        }

        var sameOrg = state.RecordExists && state.State.ApiBaseUrl == assignment.ApiBaseUrl && state.State.LoginBaseUrl == assignment.LoginBaseUrl
                      && state.State.ClientId == assignment.ClientId && secrets.Unprotect(state.State.ProtectedClientSecret) == assignment.ClientSecret;
        state.State = new GenesysChannelState
        {
            ApiBaseUrl = assignment.ApiBaseUrl,
            LoginBaseUrl = assignment.LoginBaseUrl,
            ClientId = assignment.ClientId,
            ProtectedClientSecret = secrets.Protect(assignment.ClientSecret),
            MemberUserIds = [.. assignment.MemberUserIds],
            ChannelId = state.RecordExists ? state.State.ChannelId : null,
            ConnectUri = state.RecordExists ? state.State.ConnectUri : null,
        };
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.KeepAlivePeriod, options.Value.KeepAlivePeriod);
        if (sameOrg && _status is { Listening: true, ChannelId: { } channelId } && _listening is { IsCancellationRequested: false })
        {
            // Only the members changed: resubscribe the live channel. Its socket stays connected, so the other
            // members' events go on arriving; a reconnect would lose those of the gap.
            var topics = Topics(state.State);
            _topics = topics;
            _status = _status with { Members = topics.Count };
            try
            {
                await client.ReplaceSubscriptionsAsync(Connection(state.State), channelId, topics, CancellationToken.None);
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Genesys channel {Channel} of {Grain}: resubscribing in place failed; reconnecting", channelId, IdentityString);
            }
        }

        StartListening();
    }

    public async Task Retire()
    {
        if (!state.RecordExists)
        {
            return;
        }

        _listening?.Cancel();
        var settings = state.State;
        if (settings.ChannelId is { } channelId)
        {
            try
            {
                await client.DeleteSubscriptionsAsync(Connection(settings), channelId, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // Nothing listens to the channel any more; Genesys drops it 24 h after its last subscription anyway.
                logger.LogWarning(exception, "Genesys channel {Channel} of {Grain}: deleting its subscriptions failed", channelId, IdentityString);
            }
        }

        if (await this.GetReminder(KeepAliveReminder) is { } keepAlive)
        {
            await this.UnregisterReminder(keepAlive);
        }

        await state.ClearStateAsync();
        _status = new GenesysChannelStatus(null, false, 0, 0, null, 0, null);
        DeactivateOnIdle();
    }

    public Task RecordCallEnded(string conversationId, string agentUserId, DateTimeOffset endTime)
    {
        var now = DateTimeOffset.UtcNow;
        _status = _status with { CallsEnded = _status.CallsEnded + 1, LastEventAt = now };
        return streams.PublishAsync(GenesysCallsStream.Namespace, TenantId,
            [new StreamEvent<GenesysCallEnded>(Guid.CreateVersion7(now), now, new GenesysCallEnded(TenantId, conversationId, agentUserId, endTime))]);
    }

    public async Task RememberChannel(string channelId, string connectUri)
    {
        if (!state.RecordExists)
        {
            // Retired while the listener was opening a channel.
            return;
        }

        state.State = state.State with { ChannelId = channelId, ConnectUri = connectUri };
        await state.WriteStateAsync();
    }

    public Task<GenesysChannelStatus> GetStatus() => Task.FromResult(_status);

    /// <summary>Nothing to do: being activated by the tick is the point (the activation starts listening).</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private void StartListening()
    {
        _listening?.Cancel();
        var listening = _listening = new CancellationTokenSource();
        var settings = state.State;
        var connection = Connection(settings);
        _topics = Topics(settings);
        _status = _status with { Members = _topics.Count };
        // Grain references are made here, in the turn: background work has no activation context to make them in.
        var self = GrainFactory.GetGrain<IGenesysChannelGrain>(this.GetPrimaryKeyString());
        StartBackgroundWork(async lifetime =>
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(lifetime, listening.Token);
            await ListenAsync(self, connection, settings.ChannelId, settings.ConnectUri, both.Token);
        });
    }

    private static IReadOnlyCollection<string> Topics(GenesysChannelState settings) =>
        settings.MemberUserIds.Select(GenesysCloudApi.Topics.UserConversations).ToList();

    private GenesysConnection Connection(GenesysChannelState settings) =>
        new(TenantId, settings.ApiBaseUrl, settings.LoginBaseUrl, settings.ClientId, secrets.Unprotect(settings.ProtectedClientSecret));

    private async Task ListenAsync(
        IGenesysChannelGrain self, GenesysConnection connection, string? channelId, string? connectUri, CancellationToken cancellationToken)
    {
        var listener = new GenesysNotificationListener(options.Value.HeartbeatTimeout);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (channelId is null || connectUri is null || !await client.ChannelExistsAsync(connection, channelId, cancellationToken))
                {
                    var channel = await client.CreateChannelAsync(connection, cancellationToken);
                    (channelId, connectUri) = (channel.Id, channel.ConnectUri);
                    await self.RememberChannel(channelId, connectUri);
                }

                var topics = _topics;
                await client.ReplaceSubscriptionsAsync(connection, channelId, topics, cancellationToken);
                if (!ReferenceEquals(topics, _topics))
                {
                    // Reassigned meanwhile: subscribe the new members before listening.
                    continue;
                }

                _status = _status with { ChannelId = channelId, Listening = true, LastError = null };
                var closing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var listening = listener.ListenAsync(new Uri(connectUri), ended => self.RecordCallEnded(ended.ConversationId, ended.AgentUserId, ended.EndTime),
                    cancellationToken, () => closing.TrySetResult());
                if (await Task.WhenAny(listening, closing.Task) == closing.Task)
                {
                    // A maintenance close is coming: the next channel listens before this socket closes, which goes on
                    // delivering meanwhile (the listener reports a call the two sockets both deliver once).
                    logger.LogInformation("Genesys channel {Channel} of {Grain} closes soon; opening the next one now", channelId, IdentityString);
                    _ = DrainAsync(connection, channelId, listening);
                    _status = _status with { Reconnects = _status.Reconnects + 1 };
                    (channelId, connectUri) = (null, null);
                    failures = 0;
                    continue;
                }

                var stop = await listening;
                _status = _status with { Listening = false, Reconnects = _status.Reconnects + (stop == ListenerStop.Cancelled ? 0 : 1) };
                logger.LogInformation("Genesys channel {Channel} of {Grain} stopped ({Reason})", channelId, IdentityString, stop);
                if (stop == ListenerStop.SocketClosing)
                {
                    // Closed right after its notice: move to a new channel.
                    (channelId, connectUri) = (null, null);
                }

                failures = 0;
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping (the silo shuts down or the channel was reassigned): a socket or request cut by the stop
                // throws WebSocketException or HttpRequestException as often as OperationCanceledException; none is a failure.
                break;
            }
            catch (Exception exception)
            {
                failures++;
                _status = _status with { Listening = false, LastError = exception.Message };
                logger.LogWarning(exception, "Genesys channel of {Grain} failed ({Failures} in a row)", IdentityString, failures);
                var delay = TimeSpan.FromMilliseconds(Math.Min(options.Value.MaxRetryDelay.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(failures, 20))));
                await Task.Delay(delay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Reads the old socket after <c>v2.system.socket_closing</c> until it closes, then drops the old channel's topics
    /// (Genesys would keep them 24 h on a channel nobody listens to).
    /// </summary>
    private async Task DrainAsync(GenesysConnection connection, string channelId, Task<ListenerStop> listening)
    {
        try
        {
            var stop = await listening;
            logger.LogInformation("Genesys channel {Channel} of {Grain} stopped ({Reason})", channelId, IdentityString, stop);
            if (stop != ListenerStop.Cancelled)
            {
                await client.DeleteSubscriptionsAsync(connection, channelId, CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Genesys channel {Channel} of {Grain}: the old socket failed after its closing notice", channelId, IdentityString);
        }
    }
}
