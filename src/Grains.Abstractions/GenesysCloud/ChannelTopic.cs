using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// A topic of a channel: in a subscription request only <see cref="Id"/> (<c>[{"id":"v2.users.{userId}.conversations"}]</c>),
/// in the answer also whether it was taken (<see cref="GenesysCloudApi.TopicStates"/>) and why not.
/// </summary>
[GenerateSerializer, Alias("knovvu.ChannelTopic")]
public sealed record ChannelTopic
{
    [JsonPropertyName("id")]
    [Id(0)]
    public required string Id { get; init; }

    [JsonPropertyName("state")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public string? State { get; init; }

    [JsonPropertyName("rejectionReason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(2)]
    public string? RejectionReason { get; init; }
}

/// <summary>The answer of the subscription endpoints: the channel's topics (and, after POST or PUT, the rejected ones).</summary>
[GenerateSerializer, Alias("knovvu.ChannelTopicEntityListing")]
public sealed record ChannelTopicEntityListing
{
    [JsonPropertyName("entities")]
    [Id(0)]
    public required IReadOnlyList<ChannelTopic> Entities { get; init; }
}
