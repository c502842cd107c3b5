using System.Threading.RateLimiting;
using KnovvuOrleans.Gateway.VirtualAgent;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.RateLimiting;

/// <summary>
/// Admits one tenant's VA sessions at up to <see cref="RateLimitOptions.TenantSessionsPerSecond"/> in this gateway,
/// a whole batch at a time: a batch waits for its share while at most <see cref="RateLimitOptions.TenantIngestQueue"/>
/// of the tenant's sessions wait before it, and is refused whole (429, nothing recorded) beyond that. Recording a
/// session is a handful of PostgreSQL commits; without a per-tenant rate, a tenant posting many large batches at once
/// takes the database and the cores from the others (the request-rate limit cannot: one request carries 500 sessions).
/// </summary>
internal sealed class TenantIngestLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public TenantIngestLimiter(IOptions<RateLimitOptions> options)
    {
        var perSecond = options.Value.TenantSessionsPerSecond;
        // Refilled every 100 ms (every 1/rate s below 10 a second), so a waiting batch is admitted as soon as its share is in.
        var replenishment = TimeSpan.FromSeconds(Math.Max(0.1, 1.0 / perSecond));
        var bucket = new TokenBucketRateLimiterOptions
        {
            // A full batch must fit the bucket, or it could never be admitted.
            TokenLimit = Math.Max(perSecond, VaSessionsRequest.MaxSessions),
            TokensPerPeriod = (int)Math.Round(perSecond * replenishment.TotalSeconds),
            ReplenishmentPeriod = replenishment,
            QueueLimit = (int)Math.Min(int.MaxValue, (long)perSecond * (int)options.Value.TenantIngestQueue.TotalSeconds),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
        // Idle partitions are dropped by the limiter itself, so tenants that stopped posting cost nothing.
        limiter = PartitionedRateLimiter.Create<string, string>(tenantId => RateLimitPartition.GetTokenBucketLimiter(tenantId, _ => bucket));
    }

    /// <summary>
    /// Waits until the tenant may record <paramref name="sessions"/> more sessions. Not acquired: the tenant's queue is
    /// full; the lease's <see cref="MetadataName.RetryAfter"/> says when to send the batch again.
    /// </summary>
    public ValueTask<RateLimitLease> AdmitAsync(string tenantId, int sessions, CancellationToken cancellationToken) =>
        limiter.AcquireAsync(tenantId, sessions, cancellationToken);

    public void Dispose() => limiter.Dispose();
}
