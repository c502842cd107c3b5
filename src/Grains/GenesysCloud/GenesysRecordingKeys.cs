using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.ObjectStorage;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>Where a call's recordings are stored: <c>{tenantId}/genesys/{conversationId}/{recordingId}.{extension}</c>.</summary>
public static class GenesysRecordingKeys
{
    public static string For(string tenantId, string conversationId, string recordingId, string formatId) =>
        $"{tenantId}/genesys/{ObjectKeySegment.From(conversationId)}/{ObjectKeySegment.From(recordingId)}.{Extension(formatId)}";

    private static string Extension(string formatId) => formatId switch
    {
        GenesysCloudApi.RecordingFormats.Wav or GenesysCloudApi.RecordingFormats.WavUlaw => "wav",
        GenesysCloudApi.RecordingFormats.Mp3 => "mp3",
        GenesysCloudApi.RecordingFormats.OggOpus or GenesysCloudApi.RecordingFormats.OggVorbis => "ogg",
        GenesysCloudApi.RecordingFormats.Webm => "webm",
        _ => "bin",
    };
}
