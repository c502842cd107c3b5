using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// A recording of a conversation (GET conversations/{id}/recordings, one item; or …/recordings/{recordingId}). Once
/// transcoded (answer 200), <see cref="MediaUris"/> holds the audio's download URI under
/// <see cref="GenesysCloudApi.SingleMediaKey"/>; the URI needs no token. While transcoding (answer 202) it is absent.
/// </summary>
[GenerateSerializer, Alias("knovvu.RecordingMetadata")]
public sealed record RecordingMetadata
{
    [JsonPropertyName("id")]
    [Id(0)]
    public required string Id { get; init; }

    [JsonPropertyName("conversationId")]
    [Id(1)]
    public required string ConversationId { get; init; }

    [JsonPropertyName("sessionId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(2)]
    public string? SessionId { get; init; }

    /// <summary>"audio" for calls.</summary>
    [JsonPropertyName("media")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(3)]
    public string? Media { get; init; }

    /// <summary>"AVAILABLE", "ARCHIVED", "DELETED", …</summary>
    [JsonPropertyName("fileState")]
    [Id(4)]
    public required string FileState { get; init; }

    [JsonPropertyName("mediaUris")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(5)]
    public IReadOnlyDictionary<string, MediaResult>? MediaUris { get; init; }

    [JsonPropertyName("startTime")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [Id(6)]
    public required DateTimeOffset StartTime { get; init; }

    [JsonPropertyName("endTime")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    [Id(7)]
    public required DateTimeOffset EndTime { get; init; }
}

/// <summary>Where to download one media file of a recording.</summary>
[GenerateSerializer, Alias("knovvu.MediaResult")]
public sealed record MediaResult
{
    [JsonPropertyName("mediaUri")]
    [Id(0)]
    public required string MediaUri { get; init; }
}
