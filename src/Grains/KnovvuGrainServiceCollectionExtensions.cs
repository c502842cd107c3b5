using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Grains.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Grains;

public static class KnovvuGrainServiceCollectionExtensions
{
    /// <summary>What the product's grains need besides storage: the clients of the outside services and their options.</summary>
    public static IServiceCollection AddKnovvuGrainServices(this IServiceCollection services)
    {
        services.AddKnovvuAnalyticsClient();
        services.AddOptions<CaSyncOptions>().BindConfiguration(CaSyncOptions.SectionName);
        services.AddSingleton<SecretProtector>();
        services.AddOptions<GenesysCloudClientOptions>().BindConfiguration(GenesysCloudClientOptions.SectionName);
        // Polly's per-attempt timeout governs; HttpClient's own would cut across retries.
        services.AddHttpClient(GenesysCloudClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<GenesysCloudClient>();
        services.AddOptions<GenesysListenerOptions>().BindConfiguration(GenesysListenerOptions.SectionName);
        return services;
    }
}
