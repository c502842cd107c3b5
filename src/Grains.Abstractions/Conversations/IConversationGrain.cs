using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Grains.Abstractions.Conversations;

/// <summary>
/// One conversation of a tenant; the key is <c>{tenantId}/{externalId}</c> (<see cref="ConversationKey"/>). It
/// records the conversation in the conversation log once, and raises its Data Feeder events in order.
/// </summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Records a VA session; a session already recorded is acknowledged again and changes nothing.</summary>
    Task<IngestOutcome> IngestVaSession(VaSession session, bool isCall);
}

public enum IngestOutcome
{
    Recorded,
    AlreadyRecorded,
}

/// <summary>Conversation grain keys: the tenant id first, as for every grain of a tenant.</summary>
public static class ConversationKey
{
    public static string For(string tenantId, string externalId) => $"{tenantId}/{externalId}";

    public static (string TenantId, string ExternalId) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}
