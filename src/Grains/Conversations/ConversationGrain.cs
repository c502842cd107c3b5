using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Grains.Telemetry;
using KnovvuOrleans.Grains.VirtualAgent;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// One conversation: records it in the conversation log once and raises its Data Feeder events in order. The log row,
/// the kept Created and the outbox append are one commit (<see cref="IConversationRecorder"/>), the state is written
/// after it, each step idempotent: a call retried after a crash finds the same log number, appends Created again under
/// the same event id (skipped while it still waits in the outbox) and only then writes "recorded", so no accepted
/// conversation misses its event. Every event is kept (the Created with its metadata, every result received) so that a
/// replay can rebuild it. Analysis and category results that arrive before the conversation is recorded are held in the
/// state, with their event ids, and appended right after its ConversationCreatedForDataFeeder, so no later event ever
/// precedes Created on the stream (and in Kafka); held ones older than <see cref="HeldResultsOptions.Expiry"/> expire
/// instead. A conversation that is never published (draft, test) publishes nothing, neither Created nor results.
/// </summary>
[GrainType("conversation")]
public sealed class ConversationGrain(
    [PersistentState("conversation")] IPersistentState<ConversationState> state,
    IConversationRecorder recorder,
    IKeptEventStore kept,
    DurableStreamPublisher streams,
    IOptions<HeldResultsOptions> heldOptions,
    KnovvuMetrics metrics,
    TimeProvider time)
    : Grain, IConversationGrain
{
    /// <summary>Later events held for a conversation not recorded yet; beyond it a post is refused, so state stays small.</summary>
    public const int MaxHeldEvents = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IngestOutcome> IngestVaSession(VaSession session, bool isCall)
    {
        var (tenantId, externalId) = ConversationKey.Parse(this.GetPrimaryKeyString());
        if (session.ExternalId != externalId)
        {
            throw new ArgumentException($"Session {session.ExternalId} sent to conversation {externalId}.", nameof(session));
        }

        var outcome = await RecordAsync(
            new ConversationRecord(tenantId, externalId, ConversationRecord.VirtualAgentSource, session.Status, session.ProjectId,
                session.ChannelId, isCall, session.StartTime, session.EndTime, JsonSerializer.Serialize(session, Json),
                KnovvuTracing.CurrentTraceParent()),
            session.IsPublished(),
            number => Summary(tenantId, session, isCall, number));
        if (outcome == IngestOutcome.Recorded)
        {
            metrics.SessionIn(tenantId);
        }

        return outcome;
    }

    public Task<IngestOutcome> IngestImportedCall(ImportedCall call)
    {
        var (tenantId, externalId) = ConversationKey.Parse(this.GetPrimaryKeyString());
        return RecordAsync(
            new ConversationRecord(tenantId, externalId, call.Source, ConversationRecord.PublishedStatus, null, null, true,
                call.StartTime, call.EndTime, call.Document, KnovvuTracing.CurrentTraceParent()),
            true,
            number => new ConversationSummary(
                number, call.AgentExternalId, call.DepartmentExternalId, call.StartTime, call.EndTime,
                (int)Math.Round((call.EndTime - call.StartTime).TotalSeconds, MidpointRounding.AwayFromZero),
                null, null, null, call.Direction, null, call.AttachedData, IsCall: true));
    }

    /// <summary>
    /// In one commit: appends to the log (idempotent by tenant and id, so a retry after a crash finds the same number), keeps
    /// the Created event of a published conversation and appends it (when the tenant wants it) and the held events that
    /// have not expired to the outbox; then wakes the stream and writes the state that says "recorded". A conversation
    /// never published drops what it held.
    /// </summary>
    private async Task<IngestOutcome> RecordAsync(ConversationRecord record, bool published, Func<long, ConversationSummary> summary)
    {
        if (state.State.Recorded)
        {
            return IngestOutcome.AlreadyRecorded;
        }

        await ExpireHeldAsync();
        var createdWanted = published && await WantsAsync(record.TenantId, DataFeederEventTypes.ConversationCreated);
        IReadOnlyList<StreamEvent<ConversationEvent>> held = published ? state.State.Held : [];
        var now = DateTimeOffset.UtcNow;
        var (number, last) = await recorder.RecordAsync(record, number =>
        {
            if (!published)
            {
                return new RecordedEvents(null, []);
            }

            var created = new StreamEvent<ConversationEvent>(EventIds.Created(record.TenantId, record.ExternalId), now, new ConversationEvent(
                DataFeederEventTypes.ConversationCreated, record.TenantId, record.ExternalId, now, summary(number)));
            return new RecordedEvents(created, createdWanted ? [created, .. held] : held);
        }, CancellationToken.None);
        if (createdWanted || held.Count > 0)
        {
            await NotifyAsync(record.TenantId, record.ExternalId, last);
        }

        if (published)
        {
            await MarkReportLateAsync(record);
        }

        state.State = new ConversationState { Recorded = true, Number = number, NeverPublished = !published, CreatedPending = published && !createdWanted };
        await state.WriteStateAsync();
        return IngestOutcome.Recorded;
    }

    /// <summary>
    /// A conversation of a day that has ended may come after its hour's report chunk was stored (reports exist only
    /// for ended days): the chunk is marked to be built again. Done after the append's commit, so a build that starts
    /// later sees the row; repeated by a retried call.
    /// </summary>
    private async Task MarkReportLateAsync(ConversationRecord record)
    {
        var start = record.StartTime.UtcDateTime;
        var day = DateOnly.FromDateTime(start);
        if (day < DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
        {
            await GrainFactory.GetGrain<IDailyReportGrain>(DailyReportChunkName.GrainKey(record.TenantId, day)).MarkLate(start.Hour);
        }
    }

    public Task<RaiseOutcome> PostAnalysis(ConversationAnalysis analysis)
    {
        analysis.Validate().ThrowIfAny();
        return RaiseAsync(DataFeederEventTypes.ConversationAnalyzed, analysis, null);
    }

    public Task<RaiseOutcome> PostCategory(CategoryResult category)
    {
        category.Validate().ThrowIfAny();
        return RaiseAsync(DataFeederEventTypes.CategoryMatch, null, category);
    }

    private async Task<RaiseOutcome> RaiseAsync(string eventType, ConversationAnalysis? analysis, CategoryResult? category)
    {
        var (tenantId, externalId) = ConversationKey.Parse(this.GetPrimaryKeyString());
        var now = DateTimeOffset.UtcNow;
        // A held event keeps the trace of the request that raised it, not of the later one that records the conversation.
        var raised = new StreamEvent<ConversationEvent>(
            Guid.CreateVersion7(now), now, new ConversationEvent(eventType, tenantId, externalId, now, null, analysis, category),
            KnovvuTracing.CurrentTraceParent());
        if (state.State.Recorded)
        {
            if (state.State.NeverPublished)
            {
                await kept.KeepAsync(raised, held: false, CancellationToken.None);
                return RaiseOutcome.NotPublished;
            }

            if (!await WantsAsync(tenantId, eventType))
            {
                await kept.KeepAsync(raised, held: false, CancellationToken.None);
                return RaiseOutcome.NotWanted;
            }

            await PublishLaterEventAsync(tenantId, externalId, raised);
            return RaiseOutcome.Published;
        }

        if (!await WantsAsync(tenantId, eventType))
        {
            await kept.KeepAsync(raised, held: false, CancellationToken.None);
            return RaiseOutcome.NotWanted;
        }

        await ExpireHeldAsync();
        if (state.State.Held.Count >= MaxHeldEvents)
        {
            return RaiseOutcome.HoldFull;
        }

        await kept.KeepAsync(raised, held: true, CancellationToken.None);
        state.State = state.State with { Held = [.. state.State.Held, raised] };
        await state.WriteStateAsync();
        return RaiseOutcome.Held;
    }

    /// <summary>
    /// Keeps and publishes a result of a recorded, published conversation in one commit; when its Created was not raised
    /// at recording (the tenant did not want it then) and the tenant wants it now, the kept Created goes first, under its
    /// own event id.
    /// </summary>
    private async Task PublishLaterEventAsync(string tenantId, string externalId, StreamEvent<ConversationEvent> raised)
    {
        if (state.State.CreatedPending && await WantsAsync(tenantId, DataFeederEventTypes.ConversationCreated)
            && await kept.ReadCreatedAsync(tenantId, externalId, CancellationToken.None) is { } created)
        {
            await KeepAndPublishAsync(raised, [created, raised]);
            state.State = state.State with { CreatedPending = false };
            await state.WriteStateAsync();
            return;
        }

        await KeepAndPublishAsync(raised, [raised]);
    }

    /// <summary>Drops held events older than the expiry, marking them expired among the kept events first.</summary>
    private async Task ExpireHeldAsync()
    {
        var cutoff = DateTimeOffset.UtcNow - heldOptions.Value.Expiry;
        var expired = state.State.Held.Where(e => e.PublishedAt < cutoff).ToList();
        if (expired.Count == 0)
        {
            return;
        }

        await kept.MarkExpiredAsync(expired.Select(e => e.EventId).ToList(), CancellationToken.None);
        state.State = state.State with { Held = state.State.Held.Except(expired).ToList() };
        await state.WriteStateAsync();
    }

    private async Task KeepAndPublishAsync(StreamEvent<ConversationEvent> raised, IReadOnlyList<StreamEvent<ConversationEvent>> events) =>
        await NotifyAsync(raised.Item.TenantId, raised.Item.ExternalId, await recorder.KeepAndAppendAsync(raised, events, CancellationToken.None));

    private Task NotifyAsync(string tenantId, string externalId, long last) =>
        streams.NotifyAsync(DataFeederStream.Namespace, DataFeederStream.KeyFor(tenantId, externalId), last);

    private async Task<bool> WantsAsync(string tenantId, string eventType) =>
        await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetFeatures() is { DataFeeder: { Enabled: true } feeder }
        && feeder.EventTypes.Contains(eventType);

    private static ConversationSummary Summary(string tenantId, VaSession session, bool isCall, long number) => new(
        number,
        VaToCaMapping.AgentExternalId(tenantId, session.ProjectId, session.ChannelId),
        VaToCaMapping.DepartmentExternalId(tenantId, session.ProjectId),
        session.StartTime,
        session.EndTime,
        VaToCaMapping.DurationSeconds(session),
        session.Language,
        session.Csat,
        session.Nps,
        session.Direction,
        session.ReleasingParty,
        VaToCaMapping.AttachedData(session, isCall),
        isCall);
}
