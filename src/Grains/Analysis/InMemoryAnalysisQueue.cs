using System.Collections.Concurrent;

namespace KnovvuOrleans.Grains.Analysis;

/// <summary>The analysis queue in memory, for the demo and fast tests.</summary>
public sealed class InMemoryAnalysisQueue : IAnalysisQueue
{
    private readonly ConcurrentDictionary<(string TenantId, string ConversationId), string> _queued = new();

    public Task<bool> EnqueueAsync(string tenantId, string conversationId, string source, CancellationToken cancellationToken) =>
        Task.FromResult(_queued.TryAdd((tenantId, conversationId), source));

    public Task<int> CountAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_queued.Keys.Count(k => k.TenantId == tenantId));
}
