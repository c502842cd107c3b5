using KnovvuOrleans.Grains.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

public static class KnovvuAnalyticsClientServiceCollectionExtensions
{
    /// <summary>The CA client (with its token cache and per-tenant pipelines), with options from "KnovvuAnalytics:Client".</summary>
    public static IServiceCollection AddKnovvuAnalyticsClient(this IServiceCollection services)
    {
        services.AddValidatedOptions<KnovvuAnalyticsClientOptions>(KnovvuAnalyticsClientOptions.SectionName);
        // Polly's per-attempt timeout governs; HttpClient's own would cut across retries.
        services.AddHttpClient(KnovvuAnalyticsClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KnovvuAnalyticsClient>();
        return services;
    }
}
