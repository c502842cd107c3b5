using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>A tenant's Genesys integration at a glance (GET …/integrations/genesys/status).</summary>
[GenerateSerializer, Alias("knovvu.GenesysIntegrationStatus")]
public sealed record GenesysIntegrationStatus(
    bool SyncRunning,
    bool ReconciliationRunning,
    IReadOnlyList<GenesysShardStatus> Channels,
    int SubscribedMembers,
    DateTimeOffset? LastEventAt,
    GenesysBacklog Backlog,
    GenesysSyncSummary? LastSync,
    GenesysReconciliationSummary? LastReconciliation,
    GenesysImporterStatus Importer,
    GenesysParkedCalls Parked);

/// <summary>One channel shard (<c>{tenantId}/{Shard}</c>) as its channel grain reports it.</summary>
[GenerateSerializer, Alias("knovvu.GenesysShardStatus")]
public sealed record GenesysShardStatus(
    int Shard, string? ChannelId, bool Listening, int Members, long CallsEnded, DateTimeOffset? LastEventAt, int Reconnects, string? LastError);

/// <summary>
/// What is known to be waiting: <see cref="UnwatchedMembers"/> are members whose channel is not listening now (their
/// calls ending meanwhile reach only the next reconciliation); <see cref="CallsBeingImported"/> are ended calls the
/// importer is working on; <see cref="CallsLeftByLastReconciliation"/> are the calls the last reconciliation left
/// pending (recordings transcoding) or failed.
/// </summary>
[GenerateSerializer, Alias("knovvu.GenesysBacklog")]
public sealed record GenesysBacklog(int UnwatchedMembers, int CallsBeingImported, int CallsLeftByLastReconciliation);

/// <summary>How a group sync went. <see cref="CaOutcome"/>: sent, unchanged, not-configured, disabled or failed.</summary>
[GenerateSerializer, Alias("knovvu.GenesysSyncSummary")]
public sealed record GenesysSyncSummary(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string? GroupName,
    int Members,
    string CaOutcome,
    int AgentsSentToCa,
    int AgentsDeactivatedInCa,
    int Channels,
    int ChannelsAssigned,
    int ChannelsRetired,
    string? Error);

/// <summary>
/// How a reconciliation went: the group's ended calls of the interval (<see cref="Found"/>) and what their import
/// answered; <see cref="InProgress"/> calls were still going and are left to the next run.
/// </summary>
[GenerateSerializer, Alias("knovvu.GenesysReconciliationSummary")]
public sealed record GenesysReconciliationSummary(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    DateTimeOffset IntervalStart,
    DateTimeOffset IntervalEnd,
    int Found,
    int AlreadyImported,
    int ImportedNow,
    int Pending,
    int Failed,
    int InProgress,
    string? Error);

/// <summary>The <see cref="GenesysSyncSummary.CaOutcome"/> values.</summary>
public static class GenesysCaOutcomes
{
    public const string Sent = "sent";
    public const string Unchanged = "unchanged";
    public const string NotConfigured = "not-configured";
    public const string Disabled = "disabled";
    public const string Failed = "failed";
}
