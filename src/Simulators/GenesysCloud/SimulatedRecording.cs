using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>A recording of a scripted call; its media URI (<see cref="MediaPath"/> on the simulator) serves <see cref="GetAudio"/>.</summary>
public sealed class SimulatedRecording
{
    internal SimulatedRecording(string id, string conversationId, string sessionId, DateTimeOffset startTime, DateTimeOffset endTime, int audioBytes)
    {
        Id = id;
        ConversationId = conversationId;
        SessionId = sessionId;
        StartTime = startTime;
        EndTime = endTime;
        AudioBytes = audioBytes;
    }

    public string Id { get; }

    public string ConversationId { get; }

    /// <summary>The agent's voice session.</summary>
    public string SessionId { get; }

    public DateTimeOffset StartTime { get; }

    public DateTimeOffset EndTime { get; }

    /// <summary>The size of the WAV file.</summary>
    public int AudioBytes { get; }

    /// <summary>Where the audio is, relative to the simulator's base URL (no token needed, as with Genesys' signed URIs).</summary>
    public string MediaPath => $"media/{Id}.wav";

    /// <summary>The WAV file the media URI serves: the same bytes on every call (a new array each time).</summary>
    public byte[] GetAudio() => WavAudio.Generate(Id, AudioBytes);

    /// <summary>The metadata the recordings endpoints answer; without a media URI while transcoding.</summary>
    internal RecordingMetadata ToWire(string? mediaUri) => new()
    {
        Id = Id,
        ConversationId = ConversationId,
        SessionId = SessionId,
        Media = "audio",
        FileState = GenesysCloudApi.FileStates.Available,
        MediaUris = mediaUri is null ? null : new Dictionary<string, MediaResult> { [GenesysCloudApi.SingleMediaKey] = new() { MediaUri = mediaUri } },
        StartTime = StartTime,
        EndTime = EndTime,
    };
}
