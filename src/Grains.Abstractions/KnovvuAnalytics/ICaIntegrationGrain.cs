using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

/// <summary>
/// A tenant's VA → Knovvu Analytics integration: its settings (the secret encrypted at rest) and the hourly job
/// that sends new departments and agents, then the published sessions not sent yet within the tenant's hourly
/// cap. The key is the tenant id.
/// </summary>
[Alias("knovvu.ICaIntegrationGrain")]
public interface ICaIntegrationGrain : IGrainWithStringKey
{
    /// <summary>Null when nothing is configured.</summary>
    [Alias("Get")]
    Task<CaIntegrationView?> Get();

    /// <summary>Stores the settings; invalid ones throw <see cref="Validation.InvalidSettingsException"/>.</summary>
    [Alias("Configure")]
    Task<CaIntegrationView> Configure(CaIntegrationSettings settings);

    [Alias("IsEnabled")]
    Task<bool> IsEnabled();

    /// <summary>How other integrations reach the tenant's CA (the secret encrypted); null when nothing is configured.</summary>
    [AlwaysInterleave]
    [Alias("GetConnection")]
    Task<CaStoredConnection?> GetConnection();

    /// <summary>Starts a run of the hourly job now unless one is running; the status tells how it went.</summary>
    [Alias("StartSync")]
    Task StartSync();

    [AlwaysInterleave]
    [Alias("GetSyncStatus")]
    Task<CaSyncStatus> GetSyncStatus();
}

/// <summary>How the last run of the hourly job went.</summary>
[GenerateSerializer, Alias("knovvu.CaSyncStatus")]
public sealed record CaSyncStatus(
    bool Running,
    int Runs,
    DateTimeOffset? LastRunStarted,
    DateTimeOffset? LastRunEnded,
    int DepartmentsSent,
    int AgentsSent,
    int SessionsSent,
    int SessionsLeftForNextRun,
    string? LastError);
