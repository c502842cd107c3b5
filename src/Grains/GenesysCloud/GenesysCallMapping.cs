using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Conversations;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// A Genesys call's details as the conversation it becomes: the agent is the first agent participant, named as the group
/// sync names it in CA (<see cref="GenesysToCaMapping"/>), the department the integration's group, the times the conversation's (its
/// agent's last segment end while Genesys has no conversation end yet), and the attached data the call's direction,
/// type, caller, dialled number, queue and wrap-up code, every key always present.
/// </summary>
public static class GenesysCallMapping
{
    public static class AttachedDataKeys
    {
        public const string Ani = "ani";
        public const string Dnis = "dnis";
        public const string QueueId = "queueId";
        public const string WrapUpCode = "wrapUpCode";
    }

    public static ImportedCall ToImportedCall(string tenantId, string groupId, AnalyticsConversation details, IReadOnlyList<StoredRecording> recordings)
    {
        var agent = details.Participants.FirstOrDefault(p => p.Purpose == GenesysCloudApi.Purposes.Agent && p.UserId is not null);
        var agentSegments = agent?.Sessions.SelectMany(s => s.Segments).ToList() ?? [];
        var voice = agent?.Sessions.FirstOrDefault(s => s.MediaType == "voice") ?? agent?.Sessions.FirstOrDefault();
        var end = details.ConversationEnd
                  ?? agentSegments.Select(s => s.SegmentEnd).Max()
                  ?? details.ConversationStart;
        return new ImportedCall(
            ConversationRecord.GenesysSource,
            agent?.UserId is { } userId ? GenesysToCaMapping.AgentExternalId(tenantId, userId) : "",
            GenesysToCaMapping.DepartmentExternalId(tenantId, groupId),
            details.ConversationStart,
            end,
            details.OriginatingDirection,
            [
                new(KnovvuAnalyticsApi.AttachedDataKeys.Direction, details.OriginatingDirection),
                new(KnovvuAnalyticsApi.AttachedDataKeys.ConversationType, KnovvuAnalyticsApi.ConversationTypes.Call),
                new(AttachedDataKeys.Ani, voice?.Ani ?? ""),
                new(AttachedDataKeys.Dnis, voice?.Dnis ?? ""),
                new(AttachedDataKeys.QueueId, agentSegments.Select(s => s.QueueId).LastOrDefault(q => q is not null) ?? ""),
                new(AttachedDataKeys.WrapUpCode, agentSegments.Select(s => s.WrapUpCode).LastOrDefault(w => w is not null) ?? ""),
            ],
            JsonSerializer.Serialize(new GenesysCallDocument(details, recordings)));
    }
}
