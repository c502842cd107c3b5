using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// The body of every Data Feeder Kafka message (seed 002): <c>{timestampOfMessage, eventType, payload}</c>, camelCase
/// here while the payloads are PascalCase, exactly as in the seed. <see cref="EventType"/> follows from the payload type.
/// </summary>
[GenerateSerializer, Alias("knovvu.DataFeederMessage`1")]
public sealed record DataFeederMessage<TPayload>
    where TPayload : class, IDataFeederPayload
{
    /// <summary>When the event was raised; written in UTC as "MM/dd/yyyy HH:mm:ss" (whole seconds).</summary>
    [JsonPropertyName("timestampOfMessage")]
    [JsonConverter(typeof(MessageTimestampJsonConverter))]
    [Id(0)]
    public required DateTimeOffset TimestampOfMessage { get; init; }

    /// <summary>Always the payload type's event type; reading a message of another type fails.</summary>
    [JsonPropertyName("eventType")]
    [JsonRequired]
    public string EventType
    {
        get => TPayload.EventType;
        init
        {
            if (value != TPayload.EventType)
            {
                throw new JsonException($"eventType is '{value}', expected '{TPayload.EventType}'.");
            }
        }
    }

    [JsonPropertyName("payload")]
    [Id(1)]
    public required TPayload Payload { get; init; }
}
