using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// One Genesys call of a tenant (key <c>{tenantId}/{conversationId}</c>, <see cref="GenesysCallKey"/>): imports it once,
/// from whichever path saw it first (the call-ended stream, the nightly reconciliation, a retry).
/// </summary>
[Alias("knovvu.IGenesysCallGrain")]
public interface IGenesysCallGrain : IGrainWithStringKey
{
    /// <summary>
    /// Fetches the details and recordings, stores the audio and the metadata, queues the call for analysis and raises
    /// ConversationCreatedForDataFeeder, once. Recordings still transcoding (202) are retried later by the grain.
    /// </summary>
    [Alias("Import")]
    Task<GenesysImportOutcome> Import();

    [AlwaysInterleave]
    [Alias("GetOutcome")]
    Task<GenesysImportOutcome?> GetOutcome();

    /// <summary>
    /// A parked call gets its attempts back and is tried again by its retry reminder (not in this call: the import asks
    /// the integration grain, which may be the caller); false when the call is not parked.
    /// </summary>
    [Alias("OfferAgain")]
    Task<bool> OfferAgain();
}

[GenerateSerializer, Alias("knovvu.GenesysImportOutcome")]
public enum GenesysImportOutcome
{
    Imported,
    AlreadyImported,

    /// <summary>Genesys is still transcoding a recording; the grain tries again later on its own.</summary>
    RecordingsPending,

    /// <summary>The tenant has no Genesys installation; nothing was fetched.</summary>
    NotInstalled,

    /// <summary>The call used up its attempts and waits until an operator offers it again (see the integration's status).</summary>
    Parked,
}

public static class GenesysCallKey
{
    public static string For(string tenantId, string conversationId) => TenantKey.For(tenantId, conversationId);
}
