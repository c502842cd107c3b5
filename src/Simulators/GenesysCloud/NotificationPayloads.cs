using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>The websocket messages of a channel, as UTF-8 JSON text frames.</summary>
internal static class NotificationPayloads
{
    public static byte[] Heartbeat { get; } = System(GenesysCloudApi.Topics.ChannelMetadata, GenesysCloudApi.SystemMessages.Heartbeat);

    public static byte[] Pong { get; } = System(GenesysCloudApi.Topics.ChannelMetadata, GenesysCloudApi.SystemMessages.Pong);

    public static byte[] SocketClosing { get; } = System(GenesysCloudApi.Topics.SocketClosing, "The socket closes for maintenance in about a minute: reconnect to a new channel.");

    public static byte[] ConversationEvent(string topicName, ConversationEventBody body) =>
        JsonSerializer.SerializeToUtf8Bytes(new NotificationMessage<ConversationEventBody>
        {
            TopicName = topicName,
            Version = "2",
            EventBody = body,
            Metadata = new() { CorrelationId = Guid.NewGuid().ToString() },
        });

    /// <summary>True for a client's <c>{"message":"ping"}</c>.</summary>
    public static bool IsPing(ReadOnlySpan<byte> message)
    {
        try
        {
            var reader = new Utf8JsonReader(message);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var text)
                && text.ValueKind == JsonValueKind.String
                && text.ValueEquals(GenesysCloudApi.SystemMessages.Ping);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] System(string topicName, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new NotificationMessage<SystemMessageBody> { TopicName = topicName, EventBody = new() { Message = message } });
}
