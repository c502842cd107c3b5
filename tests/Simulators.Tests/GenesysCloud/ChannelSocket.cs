using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>A client's websocket on a channel's connect URI, reading whole JSON messages; waits are generous and only bound a broken run.</summary>
internal sealed class ChannelSocket : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket;

    private ChannelSocket(ClientWebSocket socket)
    {
        _socket = socket;
    }

    /// <summary>How the server ended the socket: its close status, or null (while open, or when cut without a close).</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>True once the connection ended without a close handshake.</summary>
    public bool Cut { get; private set; }

    public static async Task<ChannelSocket> ConnectAsync(NotificationChannel channel)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = new CancellationTokenSource(Limit);
            await socket.ConnectAsync(new Uri(channel.ConnectUri), timeout.Token);
            return new ChannelSocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public Task SendAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message, or null once the socket ended (a server close is answered).</summary>
    public async Task<NotificationMessage<JsonElement>?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    return null;
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    return JsonSerializer.Deserialize<NotificationMessage<JsonElement>>(message.ToArray());
                }
            }
        }
        catch (WebSocketException) when (!timeout.IsCancellationRequested)
        {
            Cut = true;
            return null;
        }
    }

    /// <summary>The next message that is not a heartbeat; null once the socket ended.</summary>
    public async Task<NotificationMessage<JsonElement>?> ReceiveSkippingHeartbeatsAsync()
    {
        while (await ReceiveAsync() is { } message)
        {
            if (!IsHeartbeat(message))
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>Reads until the socket ends, returning what arrived that was not a heartbeat.</summary>
    public async Task<IReadOnlyList<NotificationMessage<JsonElement>>> ReadToEndAsync()
    {
        var messages = new List<NotificationMessage<JsonElement>>();
        while (await ReceiveSkippingHeartbeatsAsync() is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    public static bool IsHeartbeat(NotificationMessage<JsonElement> message) =>
        message.TopicName == GenesysCloudApi.Topics.ChannelMetadata
        && message.EventBody.GetProperty("message").GetString() == GenesysCloudApi.SystemMessages.Heartbeat;

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The server went first; nothing to close.
            }
        }

        _socket.Dispose();
    }
}
