using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// A tenant's Genesys Cloud integration (key: tenant id): the settings the wizard installed (secret encrypted at
/// rest), the periodic group sync (members → CA agents, members sharded over notification channels) and the
/// nightly reconciliation that imports what the websocket missed.
/// </summary>
[Alias("knovvu.IGenesysIntegrationGrain")]
public interface IGenesysIntegrationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the settings, registers the group sync and reconciliation reminders and starts a group sync; invalid
    /// settings throw <see cref="Validation.InvalidSettingsException"/>.
    /// </summary>
    [Alias("Install")]
    Task<GenesysIntegrationView> Install(GenesysInstallation installation);

    /// <summary>Null when nothing is installed.</summary>
    [Alias("Get")]
    Task<GenesysIntegrationView?> Get();

    /// <summary>How importers reach the org and which group they import for; the secret stays encrypted. Null when nothing is installed.</summary>
    [AlwaysInterleave]
    [Alias("GetOrg")]
    Task<GenesysOrg?> GetOrg();

    /// <summary>Starts a group sync now unless one is running or nothing is installed; false when none was started.</summary>
    [Alias("StartSync")]
    Task<bool> StartSync();

    /// <summary>
    /// Starts a reconciliation now (the calls that ended since the last complete run, at least the last 24 h, up to the
    /// catch-up limit) unless one is running or nothing is installed; false when none was started.
    /// </summary>
    [Alias("StartReconciliation")]
    Task<bool> StartReconciliation();

    /// <summary>The channels, the backlog and how the last sync and reconciliation went; null when nothing is installed.</summary>
    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<GenesysIntegrationStatus?> GetStatus();

    /// <summary>Called by the grain's own group sync, outside its turns, to keep what it did.</summary>
    [Alias("SaveSync")]
    Task SaveSync(GenesysSyncResult result);

    /// <summary>Called by the grain's own reconciliation, outside its turns, to keep its counts and advance the mark the next run reaches back to.</summary>
    [Alias("SaveReconciliation")]
    Task SaveReconciliation(GenesysReconciliationSummary summary);

    /// <summary>Called by a call grain that used up its attempts: the call is listed in the status until offered again.</summary>
    [Alias("RecordParked")]
    Task RecordParked(GenesysParkedCall call);

    /// <summary>Offers every parked call again (each gets its attempts back); returns how many.</summary>
    [Alias("OfferParkedAgain")]
    Task<int> OfferParkedAgain();
}

/// <summary>
/// The org's endpoints and OAuth client as stored (<see cref="ProtectedClientSecret"/> is the encrypted secret), and
/// the group whose calls are imported: all an importer needs, in one call.
/// </summary>
[GenerateSerializer, Alias("knovvu.GenesysOrg")]
public sealed record GenesysOrg(Uri ApiBaseUrl, Uri LoginBaseUrl, string ClientId, string ProtectedClientSecret, string GroupId)
{
    public override string ToString() => $"Genesys org at {ApiBaseUrl} (client {ClientId})";
}
