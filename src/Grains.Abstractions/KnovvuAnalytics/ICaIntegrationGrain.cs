using Orleans;
using Orleans.Concurrency;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;

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

    /// <summary>Interleaves: the projects grain asks while this grain may be waiting on it (settings change).</summary>
    [AlwaysInterleave]
    [Alias("IsEnabled")]
    Task<bool> IsEnabled();

    /// <summary>How other integrations reach the tenant's CA (the secret encrypted); null when nothing is configured.</summary>
    [AlwaysInterleave]
    [Alias("GetConnection")]
    Task<CaStoredConnection?> GetConnection();

    /// <summary>Starts a run of the hourly job now unless one is running; the status tells how it went.</summary>
    [Alias("StartSync")]
    Task StartSync();

    /// <summary>How the last run went, what is waiting, what is parked, and the cap used in this UTC clock hour.</summary>
    [AlwaysInterleave]
    [Alias("GetSyncStatus")]
    Task<CaSyncStatus> GetSyncStatus();

    /// <summary>
    /// Takes up to <paramref name="wanted"/> sessions from the tenant's cap of the current UTC clock hour (stored, so
    /// every run of the hour shares it); a run gives back what it did not send.
    /// </summary>
    [Alias("TakeHourlyCap")]
    Task<CaCapGrant> TakeHourlyCap(int wanted);

    [Alias("ReturnHourlyCap")]
    Task ReturnHourlyCap(DateTime hourUtc, int unused);

    /// <summary>The sessions CA refused for good (the first 100) and the held projects, each with CA's reason.</summary>
    [Alias("GetParked")]
    Task<CaParked> GetParked();

    /// <summary>
    /// An operator offers parked sessions (the named ones, or all when null) and every held project to CA again; they go
    /// at the next run.
    /// </summary>
    [Alias("RetryParked")]
    Task<CaParkedRetried> RetryParked(IReadOnlyList<string>? externalIds);
}

/// <summary>How the last run of the hourly job went, and what waits now.</summary>
/// <param name="SessionsLeftForNextRun">Published sessions of enabled projects neither acknowledged by CA nor parked.</param>
/// <param name="SessionsParked">Sessions CA refused for good, waiting for a settings change or an operator.</param>
/// <param name="HeldProjects">Projects whose departments and agents CA refused for good; their sessions wait.</param>
/// <param name="CapUsedThisHour">Sessions taken from the cap of the current UTC clock hour, by every run.</param>
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
    string? LastError,
    int SessionsParked = 0,
    IReadOnlyList<VaHeldProject>? HeldProjects = null,
    int CapUsedThisHour = 0);

/// <summary>Sessions granted from the cap of the UTC clock hour <paramref name="HourUtc"/>.</summary>
[GenerateSerializer, Alias("knovvu.CaCapGrant")]
public sealed record CaCapGrant(DateTime HourUtc, int Granted);

[GenerateSerializer, Alias("knovvu.CaParkedSession")]
public sealed record CaParkedSession(string ExternalId, string? ProjectId, string Reason, DateTimeOffset ParkedAt);

[GenerateSerializer, Alias("knovvu.CaParked")]
public sealed record CaParked(IReadOnlyList<CaParkedSession> Sessions, int SessionsTotal, IReadOnlyList<VaHeldProject> Projects);

[GenerateSerializer, Alias("knovvu.CaParkedRetried")]
public sealed record CaParkedRetried(int Sessions, int Projects);
