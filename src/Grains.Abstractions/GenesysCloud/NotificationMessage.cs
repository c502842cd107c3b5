using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// One websocket message of a notification channel. Read it as <c>NotificationMessage&lt;JsonElement&gt;</c> and look
/// at <see cref="TopicName"/>: <see cref="GenesysCloudApi.Topics.ChannelMetadata"/> (heartbeat, pong) and
/// <see cref="GenesysCloudApi.Topics.SocketClosing"/> carry a <see cref="SystemMessageBody"/>, conversation topics a
/// <see cref="ConversationEventBody"/>.
/// </summary>
public sealed record NotificationMessage<TBody>
{
    [JsonPropertyName("topicName")]
    public required string TopicName { get; init; }

    /// <summary>The topic's schema version ("2"); system messages have none.</summary>
    [JsonPropertyName("version")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; }

    [JsonPropertyName("eventBody")]
    public required TBody EventBody { get; init; }

    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NotificationMetadata? Metadata { get; init; }
}

/// <summary>The metadata of a topic event; note Genesys' capital "C".</summary>
public sealed record NotificationMetadata
{
    [JsonPropertyName("CorrelationId")]
    public required string CorrelationId { get; init; }
}
