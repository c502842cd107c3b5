using System.Collections.Concurrent;

namespace KnovvuOrleans.Grains.Outbound;

/// <summary>
/// The tenant-wide pause after a 429, which no resilience strategy gives: the retry waits out Retry-After for the
/// request that was throttled, but the tenant's other requests must hold back too, or they draw more 429s.
/// </summary>
internal sealed class TenantThrottle(TimeProvider time)
{
    // A Retry-After is a lower bound: wait a little longer than asked, never shorter.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new();

    public void Pause(string tenantId, HttpResponseMessage throttled)
    {
        TimeSpan? wait = throttled.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => null,
        };
        if (wait is { } pause)
        {
            var until = time.GetUtcNow() + pause + Slack;
            _pausedUntil.AddOrUpdate(tenantId, until, (_, current) => current > until ? current : until);
        }
    }

    public Task WaitWhilePausedAsync(string tenantId, CancellationToken cancellationToken) =>
        _pausedUntil.TryGetValue(tenantId, out var until) && until - time.GetUtcNow() is { Ticks: > 0 } wait
            ? Task.Delay(wait, time, cancellationToken)
            : Task.CompletedTask;
}
