using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using Orleans;

namespace KnovvuOrleans.Testing;

/// <summary>
/// The smallest published VA session (project p1, one agent message, 5 seconds), for tests and benches that need
/// conversations rather than their content.
/// </summary>
public static class OneMessageSessions
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 2, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Records the session through its Conversation grain (<c>{tenant}/{externalId}</c>).</summary>
    public static Task<IngestOutcome> IngestAsync(
        IGrainFactory grains, string tenant, string externalId, DateTimeOffset? start = null, string channelId = "web", bool isCall = false)
    {
        var at = start ?? DefaultStart;
        return grains.GetGrain<IConversationGrain>(ConversationKey.For(tenant, externalId)).IngestVaSession(new VaSession
        {
            ExternalId = externalId,
            Status = VaSessionStatus.Published,
            ProjectId = "p1",
            ChannelId = channelId,
            StartTime = at,
            EndTime = at.AddSeconds(5),
            Messages = [new VaMessage(at, "Merhaba", VaMessage.AgentSide)],
        }, isCall);
    }
}
