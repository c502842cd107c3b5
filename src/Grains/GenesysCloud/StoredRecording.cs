using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>A recording of an imported call, stored in object storage under <see cref="ObjectKey"/>.</summary>
public sealed record StoredRecording(
    [property: JsonPropertyName("recordingId")] string RecordingId,
    [property: JsonPropertyName("objectKey")] string ObjectKey,
    [property: JsonPropertyName("bytes")] long Bytes);
