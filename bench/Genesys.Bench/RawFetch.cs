using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.ObjectStorage;

namespace KnovvuOrleans.Genesys.Bench;

/// <summary>
/// What a call's import does minus grains, state and the conversation log: the details, the recordings list, each
/// recording's download URI, its audio into a temp file and a put to S3, with the silo's own client and object store.
/// </summary>
internal static class RawFetch
{
    public static async Task FetchAsync(GenesysCloudClient client, IObjectStore objects, GenesysConnection connection, string conversationId)
    {
        const string Format = GenesysCloudApi.RecordingFormats.Wav;
        await client.GetConversationDetailsAsync(connection, conversationId, CancellationToken.None);
        var recordings = await client.GetRecordingsAsync(connection, conversationId, Format, 5000, CancellationToken.None)
                         ?? throw new InvalidOperationException($"The recordings of {conversationId} are still transcoding.");
        foreach (var recording in recordings.Where(r => r.FileState == GenesysCloudApi.FileStates.Available))
        {
            var download = await client.GetRecordingForDownloadAsync(connection, conversationId, recording.Id, Format, CancellationToken.None)
                           ?? throw new InvalidOperationException($"Recording {recording.Id} is still transcoding.");
            await using var spool = TempSpoolFile.Create("recording");
            await client.DownloadMediaAsync(connection, download.MediaUris![GenesysCloudApi.SingleMediaKey].MediaUri, spool, CancellationToken.None);
            spool.Position = 0;
            await objects.PutAsync(GenesysRecordingKeys.For(connection.TenantId, conversationId, recording.Id, Format), spool,
                new Dictionary<string, string> { ["genesys-conversation-id"] = conversationId, ["genesys-recording-id"] = recording.Id },
                CancellationToken.None);
        }
    }
}
