using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// Imports the calls a tenant's channels put on its Genesys calls stream (key: tenant id), at most
/// <see cref="GenesysImportOptions.MaxConcurrentImportsPerTenant"/> at a time. A batch that takes longer than
/// <see cref="GenesysImportOptions.BatchTimeBudget"/> stops starting imports and fails, so that one slow batch never
/// holds the stream for long; its remaining calls are imported when it comes again. A failure that may pass (Genesys or
/// storage unreachable after the client's retries) throws, so the batch stays in the outbox and comes again after a back-off;
/// imports are idempotent, so the calls already done are only acknowledged again. A call Genesys refuses for good is
/// logged and left to the nightly reconciliation, so that it cannot hold back the tenant's stream forever. The counts
/// are stored after each batch (also a failed one), so they survive the activation.
/// </summary>
[GrainType("genesys-call-importer")]
[ImplicitStreamSubscription(GenesysCallsStream.Namespace)]
public sealed class GenesysCallImporterGrain(
    [PersistentState("genesys-importer")] IPersistentState<GenesysImporterCounts> counts,
    IOptions<GenesysImportOptions> options,
    IEventOutbox outbox,
    IOptions<DurableStreamOptions> streamOptions,
    KnovvuMetrics metrics,
    ILogger<GenesysCallImporterGrain> logger)
    : OutboxSubscriberGrain<GenesysCallEnded>(outbox, streamOptions, logger), IGenesysCallImporterGrain
{
    private readonly Lock _gate = new();
    private GenesysImporterStatus _status = new(0, 0, 0, 0, 0, 0, 0, null, null);

    protected override string StreamNamespace => GenesysCallsStream.Namespace;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _status = counts.State.ToStatus();
        return base.OnActivateAsync(cancellationToken);
    }

    protected override async Task HandleAsync(IReadOnlyList<StreamEvent<GenesysCallEnded>> items)
    {
        var tenantId = this.GetPrimaryKeyString();
        var calls = items.Select(i => i.Item.ConversationId).Distinct(StringComparer.Ordinal).ToList();
        Update(s => s with
        {
            CallsReceived = s.CallsReceived + items.Count,
            Backlog = calls.Count,
            // A repeat of an older call must not move the mark back.
            LastEventAt = items.Select(i => (DateTimeOffset?)i.Item.EndTime).Append(s.LastEventAt).Max(),
        });
        // Taken in the turn: the imports run on the thread pool, where the activation's services cannot be reached.
        var grains = GrainFactory;
        using var budget = new CancellationTokenSource(options.Value.BatchTimeBudget);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentImportsPerTenant, CancellationToken = budget.Token };
        try
        {
            await Parallel.ForEachAsync(calls, parallel,
                async (conversationId, _) =>
                {
                    var outcome = await ImportAsync(grains, tenantId, conversationId);
                    if (outcome == GenesysImportOutcome.Imported)
                    {
                        metrics.GenesysCallImported(tenantId);
                    }

                    Update(s => s with
                    {
                        Backlog = s.Backlog - 1,
                        Imported = s.Imported + (outcome == GenesysImportOutcome.Imported ? 1 : 0),
                        AlreadyImported = s.AlreadyImported + (outcome == GenesysImportOutcome.AlreadyImported ? 1 : 0),
                        RecordingsPending = s.RecordingsPending + (outcome == GenesysImportOutcome.RecordingsPending ? 1 : 0),
                        NotInstalled = s.NotInstalled + (outcome == GenesysImportOutcome.NotInstalled ? 1 : 0),
                        Refused = s.Refused + (outcome is null ? 1 : 0),
                    });
                });
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            var message = $"The batch of {calls.Count} calls outlasted {options.Value.BatchTimeBudget}; the rest follows when it is delivered again.";
            Update(s => s with { LastError = message });
            throw new TimeoutException(message);
        }
        catch (Exception exception)
        {
            Update(s => s with { LastError = exception.Message });
            throw;
        }
        finally
        {
            // Back in the grain's turn: the parallel imports have all returned.
            counts.State = GenesysImporterCounts.Of(await GetStatus());
            await counts.WriteStateAsync();
        }
    }

    public Task<GenesysImporterStatus> GetStatus()
    {
        lock (_gate)
        {
            return Task.FromResult(_status);
        }
    }

    /// <summary>The call's outcome; null when Genesys refused it for good.</summary>
    private async Task<GenesysImportOutcome?> ImportAsync(IGrainFactory grains, string tenantId, string conversationId)
    {
        try
        {
            return await grains.GetGrain<IGenesysCallGrain>(GenesysCallKey.For(tenantId, conversationId)).Import();
        }
        catch (GenesysRequestRejectedException refused)
        {
            logger.LogError(refused, "Genesys refused the import of call {Conversation} of {Tenant}; the nightly reconciliation will try it again",
                conversationId, tenantId);
            return null;
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ImportBacklog(this.GetPrimaryKeyString(), null);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private void Update(Func<GenesysImporterStatus, GenesysImporterStatus> change)
    {
        lock (_gate)
        {
            _status = change(_status);
            metrics.ImportBacklog(this.GetPrimaryKeyString(), _status.Backlog);
        }
    }
}
