using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The body of the channel's own messages: a heartbeat or pong (<see cref="GenesysCloudApi.Topics.ChannelMetadata"/>)
/// or a maintenance warning (<see cref="GenesysCloudApi.Topics.SocketClosing"/>); also what a client sends to ping.
/// </summary>
[GenerateSerializer, Alias("knovvu.SystemMessageBody")]
public sealed record SystemMessageBody
{
    [JsonPropertyName("message")]
    [Id(0)]
    public required string Message { get; init; }
}
