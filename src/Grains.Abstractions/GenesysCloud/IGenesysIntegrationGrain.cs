using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// A tenant's Genesys Cloud integration (key: tenant id): the settings the wizard installed (secret encrypted at
/// rest), the periodic group sync (members → CA agents, members sharded over notification channels) and the
/// nightly reconciliation that imports what the websocket missed.
/// </summary>
public interface IGenesysIntegrationGrain : IGrainWithStringKey
{
    /// <summary>Stores the settings and syncs the group; invalid settings throw <see cref="Validation.InvalidSettingsException"/>.</summary>
    Task<GenesysIntegrationView> Install(GenesysInstallation installation);

    /// <summary>Null when nothing is installed.</summary>
    Task<GenesysIntegrationView?> Get();

    /// <summary>How importers reach the org; the secret stays encrypted. Null when nothing is installed.</summary>
    [AlwaysInterleave]
    Task<GenesysOrg?> GetOrg();
}

/// <summary>The org's endpoints and OAuth client as stored: <see cref="ProtectedClientSecret"/> is the encrypted secret.</summary>
public sealed record GenesysOrg(Uri ApiBaseUrl, Uri LoginBaseUrl, string ClientId, string ProtectedClientSecret)
{
    public override string ToString() => $"Genesys org at {ApiBaseUrl} (client {ClientId})";
}
