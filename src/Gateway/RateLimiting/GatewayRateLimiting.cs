using System.Globalization;
using System.Threading.RateLimiting;
using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Grains.Settings;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.RateLimiting;

/// <summary>
/// A fixed-window limit per tenant on every request made with a tenant's token (the host operator and anonymous
/// requests are not counted against any tenant), and a per-address limit on the Genesys wizard setup, which checks a
/// client secret. Refusals are 429 problems with Retry-After.
/// </summary>
internal static class GatewayRateLimiting
{
    public const string WizardSetupPolicy = "genesys-wizard-setup";

    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, ConfigureLimits>();
        services.AddRateLimiter(_ => { });
        services.AddSingleton<TenantIngestLimiter>();
        return services;
    }

    private sealed class ConfigureLimits(IOptions<RateLimitOptions> limits) : IConfigureOptions<RateLimiterOptions>
    {
        public void Configure(RateLimiterOptions options)
        {
            var value = limits.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(httpContext =>
                httpContext.User.FindFirst(GatewayClaims.Tenant)?.Value is { } tenant
                    ? RateLimitPartition.GetFixedWindowLimiter(tenant, _ => Window(value.TenantPermits, value.TenantWindow))
                    : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(WizardSetupPolicy, httpContext => RateLimitPartition.GetFixedWindowLimiter(
                httpContext.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => Window(value.WizardSetupAttempts, value.WizardSetupWindow)));
            options.OnRejected = RejectAsync;
        }

        private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        };

        private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
        {
            var httpContext = context.HttpContext;
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : 1;
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"The request limit is used up; retry after {seconds} seconds.",
                },
            });
        }
    }
}
