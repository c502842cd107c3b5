using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// A topic of a channel: in a subscription request only <see cref="Id"/> (<c>[{"id":"v2.users.{userId}.conversations"}]</c>),
/// in the answer also whether it was taken (<see cref="GenesysCloudApi.TopicStates"/>) and why not.
/// </summary>
public sealed record ChannelTopic
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("state")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? State { get; init; }

    [JsonPropertyName("rejectionReason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RejectionReason { get; init; }
}

/// <summary>The answer of the subscription endpoints: the channel's topics (and, after POST or PUT, the rejected ones).</summary>
public sealed record ChannelTopicEntityListing
{
    [JsonPropertyName("entities")]
    public required IReadOnlyList<ChannelTopic> Entities { get; init; }
}
