using System.Collections.Concurrent;
using KnovvuOrleans.Grains.ObjectStorage;

namespace KnovvuOrleans.Gateway.Tests.DailyReports;

/// <summary>
/// The real store, except that puts of chosen keys fail their first N times and listing fails while
/// <see cref="FailLists"/> is set; every put attempt is recorded in order.
/// </summary>
internal sealed class FaultyObjectStore(IObjectStore inner) : IObjectStore
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> PutAttempts { get; } = new();

    public bool FailLists { get; set; }

    public void FailPuts(string key, int times) => _failuresLeft[key] = times;

    public Task PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        PutAttempts.Enqueue(key);
        if (_failuresLeft.TryGetValue(key, out var left) && left > 0)
        {
            _failuresLeft[key] = left - 1;
            throw new IOException($"Injected S3 failure for {key}");
        }

        return inner.PutAsync(key, content, metadata, cancellationToken);
    }

    public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) =>
        FailLists ? throw new IOException("Injected S3 listing failure") : inner.ListAsync(prefix, cancellationToken);
}
