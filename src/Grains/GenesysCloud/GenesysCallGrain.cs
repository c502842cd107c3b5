using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Analysis;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Grains.Outbound;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// One Genesys call of a tenant (key <c>{tenantId}/{conversationId}</c>), imported once whichever path asks first.
/// The steps are ordered so that an import cut short anywhere is finished by the next attempt without duplicates:
/// each recording's audio is put under a fixed key (a repeat overwrites it with the same bytes), the Conversation
/// grain records the call and raises Created once, the analysis queue keeps a call once, and "imported" is written
/// last. While Genesys is still transcoding, a reminder (which survives a crash) makes the grain try again by itself,
/// and is removed once the call is imported.
/// </summary>
[GrainType("genesys-call")]
public sealed class GenesysCallGrain(
    [PersistentState("genesys-call")] IPersistentState<GenesysCallState> state,
    GenesysCloudClient client,
    SecretProtector secrets,
    IObjectStore objects,
    IAnalysisQueue analysisQueue,
    IOptions<GenesysImportOptions> options,
    IOptions<ReminderOptions> reminders,
    ILogger<GenesysCallGrain> logger) : Grain, IGenesysCallGrain, IRemindable
{
    private const string RetryReminder = "recordings-retry";

    private GenesysImportOutcome? _lastOutcome;

    private string TenantId => TenantKey.TenantOf(this.GetPrimaryKeyString());

    private string ConversationId => TenantKey.RestOf(this.GetPrimaryKeyString());

    public async Task<GenesysImportOutcome> Import()
    {
        var outcome = await ImportUnlessDoneAsync();
        if (outcome != GenesysImportOutcome.RecordingsPending && state.State.RetryScheduled)
        {
            if (await this.GetReminder(RetryReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            state.State = state.State with { RetryScheduled = false };
            await state.WriteStateAsync();
        }

        _lastOutcome = outcome;
        return outcome;
    }

    public Task<GenesysImportOutcome?> GetOutcome() => Task.FromResult(
        state.State.Imported ? GenesysImportOutcome.Imported
        : state.State.RetryScheduled ? GenesysImportOutcome.RecordingsPending
        : _lastOutcome);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Import();

    private async Task<GenesysImportOutcome> ImportUnlessDoneAsync()
    {
        if (state.State.Imported)
        {
            return GenesysImportOutcome.AlreadyImported;
        }

        if (await GrainFactory.GetGrain<IGenesysIntegrationGrain>(TenantId).GetOrg() is not { } org)
        {
            logger.LogWarning("Genesys call {Conversation} of {Tenant} not imported: no Genesys installation", ConversationId, TenantId);
            return GenesysImportOutcome.NotInstalled;
        }

        var connection = new GenesysConnection(TenantId, org.ApiBaseUrl, org.LoginBaseUrl, org.ClientId, secrets.Unprotect(org.ProtectedClientSecret));
        var format = options.Value.RecordingFormat;
        var details = await client.GetConversationDetailsAsync(connection, ConversationId, CancellationToken.None);
        var recordings = await client.GetRecordingsAsync(
            connection, ConversationId, format, (int)options.Value.RecordingMaxWait.TotalMilliseconds, CancellationToken.None);
        if (recordings is null)
        {
            return await RetryLaterAsync();
        }

        var stored = new List<StoredRecording>();
        foreach (var recording in recordings.Where(r => r.FileState == GenesysCloudApi.FileStates.Available))
        {
            var download = await client.GetRecordingForDownloadAsync(connection, ConversationId, recording.Id, format, CancellationToken.None);
            if (download is null)
            {
                return await RetryLaterAsync();
            }

            var media = download.MediaUris?.GetValueOrDefault(GenesysCloudApi.SingleMediaKey)
                        ?? throw new InvalidOperationException($"Recording {recording.Id} of {ConversationId} came without a media URI.");
            stored.Add(await StoreAsync(connection, recording.Id, media.MediaUri, format));
        }

        await GrainFactory.GetGrain<IConversationGrain>(ConversationKey.For(TenantId, ConversationId))
            .IngestImportedCall(GenesysCallMapping.ToImportedCall(TenantId, org.GroupId, details, stored));
        await analysisQueue.EnqueueAsync(TenantId, ConversationId, ConversationRecord.GenesysSource, CancellationToken.None);
        state.State = state.State with { Imported = true, ImportedAt = DateTimeOffset.UtcNow, Recordings = stored };
        await state.WriteStateAsync();
        return GenesysImportOutcome.Imported;
    }

    /// <summary>The audio arrives into a temp file (only a complete download is stored, and audio must not sit in memory), then goes to storage.</summary>
    private async Task<StoredRecording> StoreAsync(GenesysConnection connection, string recordingId, string mediaUri, string format)
    {
        var key = GenesysRecordingKeys.For(TenantId, ConversationId, recordingId, format);
        using var timeout = new CancellationTokenSource(options.Value.RecordingTransferTimeout);
        await using var spool = TempSpoolFile.Create("recording");
        var bytes = await client.DownloadMediaAsync(connection, mediaUri, spool, timeout.Token);
        spool.Position = 0;
        await objects.PutAsync(key, spool, new Dictionary<string, string>
        {
            ["genesys-conversation-id"] = ConversationId,
            ["genesys-recording-id"] = recordingId,
        }, timeout.Token);
        return new StoredRecording(recordingId, key, bytes);
    }

    private async Task<GenesysImportOutcome> RetryLaterAsync()
    {
        if (!state.State.RetryScheduled)
        {
            var delay = TimeSpan.FromTicks(Math.Max(options.Value.RecordingRetryDelay.Ticks, reminders.Value.MinimumReminderPeriod.Ticks));
            await this.RegisterOrUpdateReminder(RetryReminder, delay, delay);
        }

        state.State = state.State with { RetryScheduled = true, TranscodingAnswers = state.State.TranscodingAnswers + 1 };
        await state.WriteStateAsync();
        return GenesysImportOutcome.RecordingsPending;
    }
}
