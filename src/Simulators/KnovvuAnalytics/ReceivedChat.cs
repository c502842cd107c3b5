using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Recording;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>A chat CA stored: the first request with its ExternalId; repeats only count.</summary>
public sealed class ReceivedChat : ReceivedEntity<ChatRequest>
{
    internal ReceivedChat(string tenant, ChatRequest chat, DateTimeOffset receivedAt)
        : base(tenant, chat.ExternalId, chat, receivedAt)
    {
        ConversationType = chat.AttachedData.First(d => d.Key == KnovvuAnalyticsApi.AttachedDataKeys.ConversationType).Value;
    }

    /// <summary>"call" (IVR sessions) or "chat", from the attached data.</summary>
    public string ConversationType { get; }
}
