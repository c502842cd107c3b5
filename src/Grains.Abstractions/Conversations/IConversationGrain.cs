using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.Conversations;

/// <summary>
/// One conversation of a tenant; the key is <c>{tenantId}/{externalId}</c> (<see cref="ConversationKey"/>). It
/// records the conversation in the conversation log once, and raises its Data Feeder events in order.
/// </summary>
[Alias("knovvu.IConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Records a VA session; a session already recorded is acknowledged again and changes nothing.</summary>
    [Alias("IngestVaSession")]
    Task<IngestOutcome> IngestVaSession(VaSession session, bool isCall);

    /// <summary>
    /// Records an imported call (published, a call) and raises its ConversationCreatedForDataFeeder, then releases the
    /// events held for it; a call already recorded is acknowledged again and changes nothing.
    /// </summary>
    [Alias("IngestImportedCall")]
    Task<IngestOutcome> IngestImportedCall(ImportedCall call);

    /// <summary>
    /// Raises ConversationAnalyzedForDataFeeder; before the conversation is recorded the event is held and follows
    /// its ConversationCreatedForDataFeeder (or expires, if the conversation is not recorded in time). Nothing is sent for
    /// a conversation that is never published. The analysis must be valid (<see cref="ConversationAnalysis.Validate"/>).
    /// </summary>
    [Alias("PostAnalysis")]
    Task<RaiseOutcome> PostAnalysis(ConversationAnalysis analysis);

    /// <summary>Raises CategoryMatchForDataFeeder, held like <see cref="PostAnalysis"/>.</summary>
    [Alias("PostCategory")]
    Task<RaiseOutcome> PostCategory(CategoryResult category);
}

[GenerateSerializer, Alias("knovvu.IngestOutcome")]
public enum IngestOutcome
{
    Recorded,
    AlreadyRecorded,
}

/// <summary>What became of a later event (analysis, category match).</summary>
[GenerateSerializer, Alias("knovvu.RaiseOutcome")]
public enum RaiseOutcome
{
    /// <summary>On the Data Feeder stream.</summary>
    Published,

    /// <summary>Kept until the conversation is recorded, then published after its Created event.</summary>
    Held,

    /// <summary>The tenant's Data Feeder is off or does not send this event type: dropped, not kept.</summary>
    NotWanted,

    /// <summary>Refused: the conversation is not recorded and holds <c>ConversationGrain.MaxHeldEvents</c> already.</summary>
    HoldFull,

    /// <summary>The conversation was recorded as one that is never published (a draft or test session): kept, never sent.</summary>
    NotPublished,
}

/// <summary>Conversation grain keys: the tenant id first, as for every grain of a tenant.</summary>
public static class ConversationKey
{
    public static string For(string tenantId, string externalId) => TenantKey.For(tenantId, externalId);

    public static (string TenantId, string ExternalId) Parse(string key) => (TenantKey.TenantOf(key), TenantKey.RestOf(key));
}
