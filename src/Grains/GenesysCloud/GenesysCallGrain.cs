using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Activation;
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
/// and is removed once the call is imported. After <see cref="GenesysImportOptions.MaxRecordingAttempts"/> attempts
/// that did not import it the call is parked: the reminder is removed, the integration grain lists it with the reason,
/// and nothing is tried until it is offered again.
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
        : state.State.ParkedReason is not null ? GenesysImportOutcome.Parked
        : state.State.RetryScheduled ? GenesysImportOutcome.RecordingsPending
        : _lastOutcome);

    public async Task<bool> OfferAgain()
    {
        if (state.State.ParkedReason is null || state.State.Imported)
        {
            return false;
        }

        await this.RegisterOrUpdateReminder(RetryReminder, RetryDelay, RetryDelay);
        state.State = state.State with { ParkedReason = null, FailedAttempts = 0, RetryScheduled = true };
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await Import();
        }
        catch (Exception exception)
        {
            // A retry that fails counts as an attempt as much as one that finds the audio still transcoding.
            logger.LogWarning(exception, "Retry of Genesys call {Conversation} of {Tenant} failed", ConversationId, TenantId);
            await CountFailedAttemptAsync($"retry failed: {exception.Message}");
        }
    }

    private async Task<GenesysImportOutcome> ImportUnlessDoneAsync()
    {
        if (state.State.Imported)
        {
            return GenesysImportOutcome.AlreadyImported;
        }

        if (state.State.ParkedReason is not null)
        {
            return GenesysImportOutcome.Parked;
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

    private TimeSpan RetryDelay => reminders.Value.AtLeastMinimum(options.Value.RecordingRetryDelay);

    private async Task<GenesysImportOutcome> RetryLaterAsync()
    {
        state.State = state.State with { TranscodingAnswers = state.State.TranscodingAnswers + 1 };
        if (await CountFailedAttemptAsync("recordings still transcoding (202)"))
        {
            return GenesysImportOutcome.Parked;
        }

        if (!state.State.RetryScheduled)
        {
            await this.RegisterOrUpdateReminder(RetryReminder, RetryDelay, RetryDelay);
        }

        state.State = state.State with { RetryScheduled = true };
        await state.WriteStateAsync();
        return GenesysImportOutcome.RecordingsPending;
    }

    /// <summary>Counts an attempt that did not import the call; parks it once the attempts are used up (true).</summary>
    private async Task<bool> CountFailedAttemptAsync(string reason)
    {
        var attempts = state.State.FailedAttempts + 1;
        if (attempts < options.Value.MaxRecordingAttempts)
        {
            state.State = state.State with { FailedAttempts = attempts };
            await state.WriteStateAsync();
            return false;
        }

        var parked = new GenesysParkedCall(ConversationId, $"{reason}; {attempts} attempts", attempts, DateTimeOffset.UtcNow);
        // The integration hears of it first: a crash before the state below is written leaves the call retrying (and
        // parking again, listed once), never parked without a trace.
        await GrainFactory.GetGrain<IGenesysIntegrationGrain>(TenantId).RecordParked(parked);
        if (await this.GetReminder(RetryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        state.State = state.State with { FailedAttempts = attempts, ParkedReason = parked.Reason, RetryScheduled = false };
        await state.WriteStateAsync();
        logger.LogWarning("Genesys call {Conversation} of {Tenant} parked: {Reason}", ConversationId, TenantId, parked.Reason);
        return true;
    }
}
