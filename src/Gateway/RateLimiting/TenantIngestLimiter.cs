using KnovvuOrleans.Gateway.VirtualAgent;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using Microsoft.Extensions.Options;
using Orleans;

namespace KnovvuOrleans.Gateway.RateLimiting;

/// <summary>
/// Admits one tenant's VA sessions at up to <see cref="RateLimitOptions.TenantSessionsPerSecond"/> across the cluster,
/// a whole batch at a time: a batch waits for its share while the wait is at most
/// <see cref="RateLimitOptions.TenantIngestQueue"/>, and is refused whole (429, nothing recorded) beyond that. Recording a
/// session is a handful of PostgreSQL commits; without a per-tenant rate, a tenant posting many large batches at once
/// takes the database and the cores from the others (the request-rate limit cannot: one request carries 500 sessions).
/// The schedule is the tenant's <see cref="ITenantSessionRateGrain"/>, so more gateways do not multiply the rate.
/// </summary>
internal sealed class TenantIngestLimiter(IClusterClient cluster, IOptions<RateLimitOptions> options)
{
    // A full batch must fit the burst, or it could never be admitted.
    private readonly SessionRate _rate = new(
        options.Value.TenantSessionsPerSecond,
        Math.Max(options.Value.TenantSessionsPerSecond, VaSessionsRequest.MaxSessions),
        options.Value.TenantIngestQueue);

    /// <summary>
    /// Returns once the tenant may record <paramref name="sessions"/> more sessions. Not admitted: too many of the
    /// tenant's sessions wait already; <see cref="SessionAdmission.Wait"/> says when to send the batch again. A batch whose
    /// client gives up while it waits keeps its place in the schedule (the grain hands nothing back), a cost of one batch.
    /// </summary>
    public async Task<SessionAdmission> AdmitAsync(string tenantId, int sessions, CancellationToken cancellationToken)
    {
        var admission = await cluster.GetGrain<ITenantSessionRateGrain>(tenantId).Reserve(sessions, _rate);
        if (admission is { Admitted: true, Wait.Ticks: > 0 })
        {
            await Task.Delay(admission.Wait, cancellationToken);
        }

        return admission;
    }
}
