using KnovvuOrleans.Grains.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using KnovvuOrleans.Grains.Outbound;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

public static class KnovvuAnalyticsClientServiceCollectionExtensions
{
    /// <summary>The CA client (with its token cache and per-tenant pipelines), with options from "KnovvuAnalytics:Client".</summary>
    public static IServiceCollection AddKnovvuAnalyticsClient(this IServiceCollection services)
    {
        services.AddValidatedOptions<KnovvuAnalyticsClientOptions>(KnovvuAnalyticsClientOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddTenantResilientHttpClient<KnovvuAnalyticsClientOptions>(KnovvuAnalyticsClient.HttpClientName);
        services.TryAddSingleton<KnovvuAnalyticsClient>();
        return services;
    }
}
