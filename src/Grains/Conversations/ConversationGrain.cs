using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.VirtualAgent;
using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// One conversation: records it in the conversation log once and raises ConversationCreatedForDataFeeder when it
/// is published and the tenant wants that event. The event and the "recorded" state commit in one transaction,
/// so a retried ingest after a crash neither loses nor repeats the event.
/// </summary>
[GrainType("conversation")]
public sealed class ConversationGrain(
    [PersistentState("conversation")] IPersistentState<ConversationState> state, IConversationLog log) : Grain, IConversationGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IngestOutcome> IngestVaSession(VaSession session, bool isCall)
    {
        if (state.State.Recorded)
        {
            return IngestOutcome.AlreadyRecorded;
        }

        var (tenantId, externalId) = ConversationKey.Parse(GetPrimaryKeyString());
        if (session.ExternalId != externalId)
        {
            throw new ArgumentException($"Session {session.ExternalId} sent to conversation {externalId}.", nameof(session));
        }

        var number = await log.AppendAsync(new ConversationRecord(
            tenantId, externalId, ConversationRecord.VirtualAgentSource, session.Status, session.ProjectId, session.ChannelId,
            isCall, session.StartTime, session.EndTime, JsonSerializer.Serialize(session, Json)), CancellationToken.None);

        if (session.IsPublished && await WantsAsync(tenantId, DataFeederEventTypes.ConversationCreated))
        {
            await GetStreamProvider("datafeeder")
                .GetStream<ConversationEvent>(StreamId.Create(DataFeederStream.Namespace, DataFeederStream.KeyFor(tenantId, externalId)))
                .OnNextAsync(new ConversationEvent(
                    DataFeederEventTypes.ConversationCreated, tenantId, externalId, DateTimeOffset.UtcNow, Summary(tenantId, session, isCall, number)));
        }

        state.State = new ConversationState { Recorded = true, Number = number };
        await state.WriteStateAsync();
        return IngestOutcome.Recorded;
    }

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
        VaToCaMapping.AttachedData(session, isCall));
}
