namespace KnovvuOrleans.Grains.Analysis;

/// <summary>
/// The conversations waiting for Knovvu Analytics to analyse them (seed 001: "the call enters the analysis queue"),
/// once each per tenant: enqueueing a conversation again changes nothing, so an import that is retried after a
/// crash cannot queue it twice.
/// </summary>
public interface IAnalysisQueue
{
    /// <summary>Queues the conversation unless it is queued; true when it was added now.</summary>
    Task<bool> EnqueueAsync(string tenantId, string conversationId, string source, CancellationToken cancellationToken);

    Task<int> CountAsync(string tenantId, CancellationToken cancellationToken);
}
