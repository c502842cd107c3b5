using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KnovvuOrleans.Grains.Outbound;

/// <summary>
/// One resilience pipeline and one rate limiter per tenant: retries with jittered exponential back-off that honour
/// Retry-After, a circuit breaker and a per-attempt timeout, so one tenant's failing or slow service never opens another
/// tenant's breaker or uses up its request budget. Each client of an outside service has its own.
/// </summary>
public sealed class TenantResilience(OutboundClientOptions settings, TimeProvider time)
{
    // A Retry-After is a lower bound: wait a little longer than asked, never shorter.
    private static readonly TimeSpan RetryAfterSlack = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new();
    private readonly ConcurrentDictionary<string, TenantLimits> _limits = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new();

    public ResiliencePipeline<HttpResponseMessage> PipelineFor(string tenantId) => _pipelines.GetOrAdd(tenantId, _ => Build());

    /// <summary>
    /// Waits for the tenant's turn: a token of its request-rate budget, then one of its in-flight slots, which the
    /// returned lease gives back when disposed.
    /// </summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string tenantId, CancellationToken cancellationToken)
    {
        var limits = _limits.GetOrAdd(tenantId, _ => CreateLimits());
        using (await limits.Rate.AcquireAsync(1, cancellationToken))
        {
            return await limits.InFlight.AcquireAsync(1, cancellationToken);
        }
    }

    /// <summary>A 429 asks the whole tenant to slow down: no new request of it leaves before the Retry-After.</summary>
    public void Pause(string tenantId, HttpResponseMessage throttled)
    {
        if (RetryAfter(throttled) is { } wait)
        {
            var until = time.GetUtcNow() + wait;
            _pausedUntil.AddOrUpdate(tenantId, until, (_, current) => current > until ? current : until);
        }
    }

    public Task WaitWhilePausedAsync(string tenantId, CancellationToken cancellationToken) =>
        _pausedUntil.TryGetValue(tenantId, out var until) && until - time.GetUtcNow() is { Ticks: > 0 } wait
            ? Task.Delay(wait, time, cancellationToken)
            : Task.CompletedTask;

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private ResiliencePipeline<HttpResponseMessage> Build()
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(response => IsTransient(response.StatusCode));
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                // A 429 is back-pressure from a healthy service, already honoured by waiting out Retry-After: only
                // server errors, timeouts and network failures say that it is unwell.
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsTransient(response.StatusCode) && response.StatusCode != HttpStatusCode.TooManyRequests),
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = settings.BreakerSamplingDuration,
                BreakDuration = settings.BreakerDuration,
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta + RetryAfterSlack,
        { Date: { } date } => (date - time.GetUtcNow()) + RetryAfterSlack,
        _ => null,
    };

    private TenantLimits CreateLimits()
    {
        return new TenantLimits(
            new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.RequestsPerSecondPerTenant,
                TokensPerPeriod = settings.RequestsPerSecondPerTenant,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
            }),
            new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = settings.ConcurrentRequestsPerTenant,
                QueueLimit = int.MaxValue,
            }));
    }

    private sealed record TenantLimits(RateLimiter Rate, RateLimiter InFlight);
}
