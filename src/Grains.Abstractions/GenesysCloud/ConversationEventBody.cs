using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The event body of <c>v2.users.{id}.conversations</c> (and <c>.conversations.calls</c>): the conversation as it is
/// now. A call has ended for the agent when the agent participant's <c>state</c> is <c>disconnected</c> or
/// <c>terminated</c> and its <c>endTime</c> is set; earlier events of the same conversation have neither.
/// </summary>
[GenerateSerializer, Alias("knovvu.ConversationEventBody")]
public sealed record ConversationEventBody
{
    [JsonPropertyName("id")]
    [Id(0)]
    public required string Id { get; init; }

    [JsonPropertyName("participants")]
    [Id(1)]
    public required IReadOnlyList<ConversationEventParticipant> Participants { get; init; }
}

/// <summary>One participant of a conversation event.</summary>
[GenerateSerializer, Alias("knovvu.ConversationEventParticipant")]
public sealed record ConversationEventParticipant
{
    [JsonPropertyName("id")]
    [Id(0)]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public string? Name { get; init; }

    [JsonPropertyName("address")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(2)]
    public string? Address { get; init; }

    /// <summary>See <see cref="GenesysCloudApi.Purposes"/>.</summary>
    [JsonPropertyName("purpose")]
    [Id(3)]
    public required string Purpose { get; init; }

    /// <summary>See <see cref="GenesysCloudApi.ParticipantStates"/>.</summary>
    [JsonPropertyName("state")]
    [Id(4)]
    public required string State { get; init; }

    [JsonPropertyName("userId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(5)]
    public string? UserId { get; init; }

    [JsonPropertyName("queueId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(6)]
    public string? QueueId { get; init; }

    [JsonPropertyName("connectedTime")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(7)]
    public DateTimeOffset? ConnectedTime { get; init; }

    [JsonPropertyName("endTime")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(8)]
    public DateTimeOffset? EndTime { get; init; }

    [JsonPropertyName("disconnectType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(9)]
    public string? DisconnectType { get; init; }

    [JsonPropertyName("wrapup")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(10)]
    public ConversationEventWrapup? Wrapup { get; init; }

    /// <summary>"none", "active" or "paused".</summary>
    [JsonPropertyName("recordingState")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(11)]
    public string? RecordingState { get; init; }
}

/// <summary>The wrap-up code an agent chose.</summary>
[GenerateSerializer, Alias("knovvu.ConversationEventWrapup")]
public sealed record ConversationEventWrapup
{
    [JsonPropertyName("code")]
    [Id(0)]
    public required string Code { get; init; }

    [JsonPropertyName("notes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public string? Notes { get; init; }
}
