using System.Collections.Concurrent;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>
/// Stands where the importer (another branch) will: answers Import as an idempotent importer would and records
/// which conversations were asked for, so a test sees exactly what reached the call grains.
/// </summary>
public sealed class ImportRequestsGrain(ImportRequests requests) : Grain, IGenesysCallGrain
{
    public Task<GenesysImportOutcome> Import() =>
        Task.FromResult(requests.Add(TenantKey.RestOf(GetPrimaryKeyString())) ? GenesysImportOutcome.Imported : GenesysImportOutcome.AlreadyImported);

    public Task<GenesysImportOutcome?> GetOutcome() =>
        Task.FromResult<GenesysImportOutcome?>(requests.Contains(TenantKey.RestOf(GetPrimaryKeyString())) ? GenesysImportOutcome.Imported : null);
}

/// <summary>The conversation ids imported, first time each; every Import call counted.</summary>
public sealed class ImportRequests
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Imported => _calls.Keys.ToList();

    public bool Contains(string conversationId) => _calls.ContainsKey(conversationId);

    /// <summary>True the first time the conversation is asked for.</summary>
    public bool Add(string conversationId) => _calls.AddOrUpdate(conversationId, 1, (_, n) => n + 1) == 1;
}
