using System.Collections.Concurrent;

namespace KnovvuOrleans.Simulators.Recording;

/// <summary>Every request a simulator's endpoints received, in memory, safe to read while requests arrive.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();
    private long _sequence;

    /// <summary>A snapshot, in the order the requests ended.</summary>
    public IReadOnlyList<RequestLogEntry> Entries => _entries.ToArray();

    /// <summary>
    /// Each 429 with the first request from the same client (any endpoint) that arrived after the 429 was sent, so a
    /// test can assert that no client came back sooner than its Retry-After. Requests already under way when the
    /// 429 was sent do not count.
    /// </summary>
    /// <param name="retriesOnly">
    /// Pair each 429 only with the client's next request to the same endpoint with the same key (its retry), for a
    /// client that goes on with other work while one request waits.
    /// </param>
    public IReadOnlyList<ThrottleFollowUp> Throttles(bool retriesOnly = false)
    {
        var byArrival = _entries.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Sequence).ToArray();
        var throttles = new List<ThrottleFollowUp>();
        for (var i = 0; i < byArrival.Length; i++)
        {
            var throttled = byArrival[i];
            if (throttled.StatusCode == 429)
            {
                var next = byArrival.Skip(i + 1).FirstOrDefault(e =>
                    e.ClientId == throttled.ClientId
                    && e.ReceivedAt >= throttled.RespondedAt
                    && (!retriesOnly || (e.Path == throttled.Path && e.Key == throttled.Key)));
                throttles.Add(new ThrottleFollowUp(throttled, next));
            }
        }

        return throttles;
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(RequestLogEntry entry) => _entries.Enqueue(entry);
}
