using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KnovvuOrleans.Grains.Outbound;

/// <summary>
/// The resilience of a client of an outside service, on Microsoft.Extensions.Http.Resilience: one pipeline per tenant
/// (selected by the tenant a request carries), so one tenant's failing or slow service never opens another tenant's
/// breaker or uses up its request budget. Outermost first: a total timeout; retries with jittered exponential back-off
/// that honour Retry-After; the circuit breaker; the tenant's request rate and in-flight limits; the attempt timeout.
/// Inside each attempt, <see cref="TenantAttemptHandler"/> adds what the library has no strategy for: the bearer
/// token, renewed once on a 401, and the tenant-wide pause a 429 asks for.
/// </summary>
public static class TenantResilience
{
    private static readonly TimeSpan RetryAfterSlack = TimeSpan.FromMilliseconds(50);

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// Registers the named client <paramref name="clientName"/> with its per-tenant pipeline and per-attempt handler,
    /// and "<paramref name="clientName"/>-token", a plain client for the token requests the handler makes.
    /// </summary>
    public static IServiceCollection AddTenantResilientHttpClient<TOptions>(this IServiceCollection services, string clientName)
        where TOptions : OutboundClientOptions
    {
        services.AddHttpClient(TokenClientName(clientName), client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddKeyedSingleton(clientName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return new TenantAttemptState(
                new TokenCache(time, options.TokenRefreshMargin), options.PauseTenantOnThrottle ? new TenantThrottle(time) : null);
        });
        // The pipeline's timeouts govern; HttpClient's own would cut across retries.
        services.AddHttpClient(clientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("tenant", (pipeline, context) =>
                Build(pipeline, context, context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value))
            .SelectPipelineBy(_ => request => TenantRequestOptions.TenantOf(request))
            .Services.AddHttpClient(clientName)
            .AddHttpMessageHandler(sp => new TenantAttemptHandler(sp.GetRequiredKeyedService<TenantAttemptState>(clientName)));
        return services;
    }

    public static string TokenClientName(string clientName) => clientName + "-token";

    private static void Build(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context, OutboundClientOptions settings)
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(response => IsTransient(response.StatusCode));
        pipeline.AddTimeout(settings.TotalTimeout);
        if (settings.MaxRetries > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                ShouldRetryAfterHeader = true,
            };
            // The library reads Retry-After; a Retry-After is a lower bound, so wait a little longer, never shorter.
            var honourRetryAfter = retry.DelayGenerator!;
            retry.DelayGenerator = async args => await honourRetryAfter(args) is { } delay ? delay + RetryAfterSlack : null;
            pipeline.AddRetry(retry);
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            // A 429 is back-pressure from a healthy service, honoured by waiting out Retry-After: only server errors,
            // timeouts and network failures say that it is unwell.
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(response => IsTransient(response.StatusCode) && response.StatusCode != HttpStatusCode.TooManyRequests),
            FailureRatio = settings.BreakerFailureRatio,
            MinimumThroughput = settings.BreakerMinimumThroughput,
            SamplingDuration = settings.BreakerSamplingDuration,
            BreakDuration = settings.BreakerDuration,
        });

        // One limiter pair per pipeline, and so per tenant: its requests per second, then its requests in flight.
        var rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.RequestsPerSecondPerTenant,
            TokensPerPeriod = settings.RequestsPerSecondPerTenant,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
        });
        var inFlight = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.ConcurrentRequestsPerTenant,
            QueueLimit = int.MaxValue,
        });
        context.OnPipelineDisposed(() =>
        {
            rate.Dispose();
            inFlight.Dispose();
        });
        pipeline.AddRateLimiter(rate);
        pipeline.AddRateLimiter(inFlight);
        pipeline.AddTimeout(settings.AttemptTimeout);
    }
}
