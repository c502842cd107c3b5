using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The body of the channel's own messages: a heartbeat or pong (<see cref="GenesysCloudApi.Topics.ChannelMetadata"/>)
/// or a maintenance warning (<see cref="GenesysCloudApi.Topics.SocketClosing"/>); also what a client sends to ping.
/// </summary>
public sealed record SystemMessageBody
{
    [JsonPropertyName("message")]
    public required string Message { get; init; }
}
