using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// The one websocket of a channel. Three loops run while it is open: the receiver answers pings and notices the
/// client's close; the sender is the only writer of the socket (a websocket takes one send at a time), fed by an
/// outbox; the ticker sends heartbeats and asks whether the channel still lives. Nothing outlives the socket: what is
/// still in the outbox when it ends is reported lost.
/// </summary>
internal sealed class ChannelConnection(WebSocket socket, TimeProvider time)
{
    // How long a client may take to answer the server's close before the connection is cut.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
    private const int MaxMessageBytes = 64 * 1024;

    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });

    // Never disposed: Abort and Close may come from other threads at any time, also after the socket ended.
    private readonly CancellationTokenSource _ended = new();
    private int _closing;

    /// <summary>Queues a text message; false when the socket is closing or gone (then <paramref name="outcome"/> is never called).</summary>
    /// <param name="outcome">Called with true once the message was written, with false if the socket ended first.</param>
    public bool Send(byte[] payload, Action<bool>? outcome = null) =>
        Volatile.Read(ref _closing) == 0 && _outbox.Writer.TryWrite(new Outgoing(payload, outcome));

    /// <summary>Closes with the handshake, after what is queued; only the first close counts.</summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            _outbox.Writer.TryWrite(new Outgoing(null, null, status, reason));
        }
    }

    /// <summary>
    /// Cuts the connection without a close handshake, as a network failure does: the request ends and the server
    /// closes the connection under the client.
    /// </summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        socket.Abort();
        _ended.Cancel();
    }

    /// <param name="channelLives">Asked at every heartbeat; false: the channel is gone (its registry closes the socket).</param>
    public async Task RunAsync(TimeSpan heartbeatInterval, Func<bool> channelLives)
    {
        var sending = SendLoopAsync();
        var ticking = TickLoopAsync(heartbeatInterval, channelLives);
        try
        {
            await ReceiveLoopAsync();
            // The client closed or vanished: answer its close after what is queued (a no-op when the server closed first).
            Close(WebSocketCloseStatus.NormalClosure, "");
        }
        finally
        {
            _ended.CancelAfter(CloseTimeout);
            await sending;
            _outbox.Writer.TryComplete();
            await _ended.CancelAsync();
            await ticking;
            while (_outbox.Reader.TryRead(out var left))
            {
                left.Outcome?.Invoke(false);
            }
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[4096];
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), _ended.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (message.WrittenCount + received.Count > MaxMessageBytes)
                {
                    Close(WebSocketCloseStatus.MessageTooBig, "A message is at most 64 KiB.");
                    return;
                }

                message.Write(buffer.AsSpan(0, received.Count));
                if (received.EndOfMessage)
                {
                    if (NotificationPayloads.IsPing(message.WrittenSpan))
                    {
                        Send(NotificationPayloads.Pong);
                    }

                    message.ResetWrittenCount();
                }
            }
        }
        catch (Exception exception) when (IsConnectionEnd(exception))
        {
            // Aborted, cut off after a close, or the client vanished: the socket has ended either way.
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync(_ended.Token))
            {
                if (item.Payload is null)
                {
                    await socket.CloseOutputAsync(item.CloseStatus, item.CloseReason, _ended.Token);
                    _ended.CancelAfter(CloseTimeout);
                    return;
                }

                try
                {
                    await socket.SendAsync(item.Payload, WebSocketMessageType.Text, endOfMessage: true, _ended.Token);
                }
                catch
                {
                    item.Outcome?.Invoke(false);
                    throw;
                }

                item.Outcome?.Invoke(true);
            }
        }
        catch (Exception exception) when (IsConnectionEnd(exception))
        {
            // The socket ended under the sender; RunAsync reports what is left as lost.
        }
    }

    private async Task TickLoopAsync(TimeSpan interval, Func<bool> channelLives)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_ended.Token) && channelLives())
            {
                Send(NotificationPayloads.Heartbeat);
            }
        }
        catch (OperationCanceledException)
        {
            // The socket ended.
        }
    }

    private static bool IsConnectionEnd(Exception exception) =>
        exception is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException;

    /// <summary>A text message, or (without a payload) the close handshake.</summary>
    private sealed record Outgoing(
        byte[]? Payload,
        Action<bool>? Outcome,
        WebSocketCloseStatus CloseStatus = WebSocketCloseStatus.NormalClosure,
        string? CloseReason = null);
}
