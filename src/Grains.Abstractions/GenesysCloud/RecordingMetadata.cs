using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// A recording of a conversation (GET conversations/{id}/recordings, one item; or …/recordings/{recordingId}). Once
/// transcoded (answer 200), <see cref="MediaUris"/> holds the audio's download URI under
/// <see cref="GenesysCloudApi.SingleMediaKey"/>; the URI needs no token. While transcoding (answer 202) it is absent.
/// </summary>
public sealed record RecordingMetadata
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("conversationId")]
    public required string ConversationId { get; init; }

    [JsonPropertyName("sessionId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SessionId { get; init; }

    /// <summary>"audio" for calls.</summary>
    [JsonPropertyName("media")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Media { get; init; }

    /// <summary>"AVAILABLE", "ARCHIVED", "DELETED", …</summary>
    [JsonPropertyName("fileState")]
    public required string FileState { get; init; }

    [JsonPropertyName("mediaUris")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, MediaResult>? MediaUris { get; init; }

    [JsonPropertyName("startTime")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    public required DateTimeOffset StartTime { get; init; }

    [JsonPropertyName("endTime")]
    [JsonConverter(typeof(GenesysTimestampJsonConverter))]
    public required DateTimeOffset EndTime { get; init; }
}

/// <summary>Where to download one media file of a recording.</summary>
public sealed record MediaResult
{
    [JsonPropertyName("mediaUri")]
    public required string MediaUri { get; init; }
}
