using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// One reconciliation of a tenant, by END time: the calls that ended in its <see cref="GenesysReconcileWindow"/> and
/// have an agent participant who is a group member are each imported through their call grain, a few at a time.
/// Genesys' details query selects by start time, so it is asked for the conversations that started up to
/// <see cref="GenesysSyncOptions.ReconcileMaxCallDuration"/> before the window; a long call still going at one run is
/// found by the first run after its end, however long the overlap. Import is idempotent, so calls the websocket path
/// already imported only count as already imported.
/// </summary>
internal sealed class GenesysReconciliation(
    string tenantId,
    GenesysConnection genesys,
    IReadOnlySet<string> members,
    IGrainFactory grains,
    GenesysCloudClient client,
    GenesysSyncOptions options,
    TimeProvider time,
    ILogger logger)
{
    private int _alreadyImported;
    private int _importedNow;
    private int _pending;
    private int _failed;

    /// <summary>The window ends when the run starts.</summary>
    public async Task<GenesysReconciliationSummary> RunAsync(GenesysReconcileWindow window, CancellationToken cancellationToken)
    {
        var (from, to) = window;
        var groupCalls = (await client.QueryConversationsAsync(genesys, from - options.ReconcileMaxCallDuration, to, cancellationToken))
            .Where(c => c.Participants.Any(p => p.Purpose == GenesysCloudApi.Purposes.Agent && p.UserId is { } user && members.Contains(user)))
            .DistinctBy(c => c.ConversationId, StringComparer.Ordinal)
            .ToList();
        var calls = groupCalls.Where(c => c.ConversationEnd >= from && c.ConversationEnd < to).Select(c => c.ConversationId).ToList();
        var inProgress = groupCalls.Count(c => c.ConversationEnd is null);

        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = options.ImportConcurrency, CancellationToken = cancellationToken },
            async (conversationId, _) => Count(conversationId, await ImportAsync(conversationId)));

        var summary = new GenesysReconciliationSummary(
            to, time.GetUtcNow(), from, to, calls.Count, _alreadyImported, _importedNow, _pending, _failed, inProgress, null);
        logger.LogInformation(
            "Genesys reconciliation of tenant {Tenant} over {From:o}/{To:o}: {Found} calls found, {AlreadyImported} already imported, {ImportedNow} imported now, {Pending} pending, {Failed} failed, {InProgress} still going",
            tenantId, from, to, summary.Found, summary.AlreadyImported, summary.ImportedNow, summary.Pending, summary.Failed, summary.InProgress);
        return summary;
    }

    private async Task<GenesysImportOutcome?> ImportAsync(string conversationId)
    {
        try
        {
            return await grains.GetGrain<IGenesysCallGrain>(GenesysCallKey.For(tenantId, conversationId)).Import();
        }
        catch (Exception exception)
        {
            // One call failing must not stop the others; the next reconciliation offers it again.
            logger.LogWarning(exception, "Genesys reconciliation of tenant {Tenant}: import of {Conversation} failed", tenantId, conversationId);
            return null;
        }
    }

    private void Count(string conversationId, GenesysImportOutcome? outcome)
    {
        switch (outcome)
        {
            case GenesysImportOutcome.Imported:
                Interlocked.Increment(ref _importedNow);
                break;
            case GenesysImportOutcome.AlreadyImported:
                Interlocked.Increment(ref _alreadyImported);
                break;
            case GenesysImportOutcome.RecordingsPending:
                Interlocked.Increment(ref _pending);
                break;
            default:
                logger.LogWarning("Genesys reconciliation of tenant {Tenant}: {Conversation} not imported ({Outcome})", tenantId, conversationId, outcome);
                Interlocked.Increment(ref _failed);
                break;
        }
    }
}
