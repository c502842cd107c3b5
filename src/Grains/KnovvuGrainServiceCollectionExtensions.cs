using KnovvuOrleans.Grains.KnovvuAnalytics;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Grains;

public static class KnovvuGrainServiceCollectionExtensions
{
    /// <summary>What the product's grains need besides storage: the clients of the outside services and their options.</summary>
    public static IServiceCollection AddKnovvuGrainServices(this IServiceCollection services)
    {
        services.AddKnovvuAnalyticsClient();
        services.AddOptions<CaSyncOptions>().BindConfiguration(CaSyncOptions.SectionName);
        services.AddSingleton<CaSecretProtector>();
        return services;
    }
}
