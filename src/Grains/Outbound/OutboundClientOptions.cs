using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.Outbound;

/// <summary>
/// How a client of an outside service retries, times out and limits itself per tenant; each client binds its own
/// section (see the derived classes).
/// </summary>
public abstract class OutboundClientOptions : IValidatableObject
{
    /// <summary>The configuration section the options are bound from, for messages that name the wrong key.</summary>
    protected abstract string Section { get; }

    /// <summary>A request's limit over all its attempts and waits; past it the caller keeps the work for later.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>One attempt's limit; a slow CA costs a retry, not a stuck job.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt of a request that failed transiently (5xx, 408, 429, network).</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>First back-off; it doubles with jitter per retry. A 429's Retry-After replaces it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failures within <see cref="BreakerSamplingDuration"/> that opens a tenant's breaker.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts the breaker needs to see before it judges; a small sample at a normal error rate must not open it.</summary>
    public int BreakerMinimumThroughput { get; set; } = 50;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker fails a tenant's calls at once before letting one through.</summary>
    public TimeSpan BreakerDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests per second one tenant may send to its CA.</summary>
    public int RequestsPerSecondPerTenant { get; set; } = 100;

    /// <summary>Requests one tenant may have in flight at once.</summary>
    public int ConcurrentRequestsPerTenant { get; set; } = 8;

    /// <summary>
    /// Whether a 429 holds back all of the tenant's requests until its Retry-After, not only the throttled one's retry.
    /// Right where the service's 429 means "the whole account is over its budget"; where it throttles single
    /// requests, the per-tenant rate limiter already bounds the pace, and a tenant-wide pause per 429 only costs
    /// throughput.
    /// </summary>
    public bool PauseTenantOnThrottle { get; set; } = true;

    /// <summary>A cached token is replaced this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Bounds Polly accepts (its circuit breaker wants 2+ calls and periods of 0.5 s or more).
        (bool Wrong, string Member, string Rule)[] checks =
        [
            (TotalTimeout <= TimeSpan.Zero || TotalTimeout > TimeSpan.FromHours(1), nameof(TotalTimeout), "must be positive (at most 1 hour)"),
            (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromHours(1), nameof(AttemptTimeout), "must be positive (at most 1 hour)"),
            (MaxRetries is < 0 or > 100, nameof(MaxRetries), "must be between 0 and 100"),
            (RetryBaseDelay <= TimeSpan.Zero, nameof(RetryBaseDelay), "must be positive"),
            (RetryMaxDelay < RetryBaseDelay, nameof(RetryMaxDelay), $"must be at least {Section}:{nameof(RetryBaseDelay)}"),
            (BreakerFailureRatio is <= 0 or > 1, nameof(BreakerFailureRatio), "must be above 0 and at most 1"),
            (BreakerMinimumThroughput < 2, nameof(BreakerMinimumThroughput), "must be at least 2"),
            (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500), nameof(BreakerSamplingDuration), "must be at least 0.5 s"),
            (BreakerDuration < TimeSpan.FromMilliseconds(500), nameof(BreakerDuration), "must be at least 0.5 s"),
            (RequestsPerSecondPerTenant < 1, nameof(RequestsPerSecondPerTenant), "must be positive"),
            (ConcurrentRequestsPerTenant < 1, nameof(ConcurrentRequestsPerTenant), "must be positive"),
            (TokenRefreshMargin < TimeSpan.Zero, nameof(TokenRefreshMargin), "must not be negative"),
        ];
        return checks.Where(c => c.Wrong).Select(c => new ValidationResult($"{Section}:{c.Member} {c.Rule}.", [c.Member]));
    }
}
