using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// One websocket message of a notification channel. Read it as <c>NotificationMessage&lt;JsonElement&gt;</c> and look
/// at <see cref="TopicName"/>: <see cref="GenesysCloudApi.Topics.ChannelMetadata"/> (heartbeat, pong) and
/// <see cref="GenesysCloudApi.Topics.SocketClosing"/> carry a <see cref="SystemMessageBody"/>, conversation topics a
/// <see cref="ConversationEventBody"/>.
/// </summary>
[GenerateSerializer, Alias("knovvu.NotificationMessage`1")]
public sealed record NotificationMessage<TBody>
{
    [JsonPropertyName("topicName")]
    [Id(0)]
    public required string TopicName { get; init; }

    /// <summary>The topic's schema version ("2"); system messages have none.</summary>
    [JsonPropertyName("version")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public string? Version { get; init; }

    [JsonPropertyName("eventBody")]
    [Id(2)]
    public required TBody EventBody { get; init; }

    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(3)]
    public NotificationMetadata? Metadata { get; init; }
}

/// <summary>The metadata of a topic event; note Genesys' capital "C".</summary>
[GenerateSerializer, Alias("knovvu.NotificationMetadata")]
public sealed record NotificationMetadata
{
    [JsonPropertyName("CorrelationId")]
    [Id(0)]
    public required string CorrelationId { get; init; }
}
