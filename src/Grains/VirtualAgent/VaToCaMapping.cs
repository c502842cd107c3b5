using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;

namespace KnovvuOrleans.Grains.VirtualAgent;

/// <summary>
/// How VA entities become Knovvu Analytics ones (seed 000): a project is a department, a channel an agent, a
/// published session a chat; IVR sessions are calls, all others chats.
/// </summary>
public static class VaToCaMapping
{
    public static string DepartmentExternalId(string tenantId, string projectId) => $"VA.{tenantId}.{projectId}";

    public static string AgentExternalId(string tenantId, string projectId, string channelId) => $"VA.{tenantId}.{projectId}.{channelId}";

    public static DepartmentsAgentsRequest ToDepartmentsAgents(string tenantId, string tenantName, VaCaBacklog backlog) => new()
    {
        Departments = backlog.Departments
            .Select(d => new CaDepartment { Name = $"VA.{tenantName}.{d.ProjectName}", ExternalId = DepartmentExternalId(tenantId, d.ProjectId) })
            .ToList(),
        Agents = backlog.Agents.Select(a =>
        {
            var externalId = AgentExternalId(tenantId, a.ProjectId, a.ChannelId);
            return new CaAgent
            {
                ExternalId = externalId,
                UserName = externalId,
                Name = a.ProjectName,
                Surname = a.ChannelId,
                Department = new DepartmentReference { ExternalId = DepartmentExternalId(tenantId, a.ProjectId) },
                IsActive = true,
            };
        }).ToList(),
    };

    public static ChatRequest ToChat(string tenantId, VaSession session, bool isCall) => new()
    {
        ExternalId = session.ExternalId,
        Agent = new AgentReference { ExternalId = AgentExternalId(tenantId, session.ProjectId, session.ChannelId) },
        StartTime = session.StartTime,
        EndTime = session.EndTime,
        Duration = DurationSeconds(session),
        RatingForCsat = session.Csat,
        ChatLines = session.Messages.Select(m => new ChatLine
        {
            Time = m.Time,
            Text = m.Text,
            SideId = m.Side == VaMessage.AgentSide ? KnovvuAnalyticsApi.Sides.Agent : KnovvuAnalyticsApi.Sides.Customer,
        }).ToList(),
        ParticipantName = session.ParticipantName,
        NetPromoterScore = session.Nps,
        ReleasingPartyId = session.ReleasingParty,
        SourceName = KnovvuAnalyticsApi.SourceName,
        LanguageCode = session.Language,
        UniqueCustomerKey = session.CustomerKey,
        AttachedData = AttachedData(session, isCall).Select(kv => new AttachedDataItem { Key = kv.Key, Value = kv.Value }).ToList(),
    };

    /// <summary>Every AttachedData key of seed 000, always present (an empty value when the session has none).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> AttachedData(VaSession session, bool isCall) =>
    [
        new(KnovvuAnalyticsApi.AttachedDataKeys.AdditionalLanguages, string.Join(",", session.AdditionalLanguages)),
        new(KnovvuAnalyticsApi.AttachedDataKeys.Direction, session.Direction),
        new(KnovvuAnalyticsApi.AttachedDataKeys.ConversationType,
            isCall ? KnovvuAnalyticsApi.ConversationTypes.Call : KnovvuAnalyticsApi.ConversationTypes.Chat),
        new(KnovvuAnalyticsApi.AttachedDataKeys.LcTransfer, session.LiveChatTransfer ? "true" : "false"),
    ];

    /// <summary>Whole seconds, rounded (seed 000: 3.04 s is 3).</summary>
    public static int DurationSeconds(VaSession session) =>
        (int)Math.Round((session.EndTime - session.StartTime).TotalSeconds, MidpointRounding.AwayFromZero);
}
