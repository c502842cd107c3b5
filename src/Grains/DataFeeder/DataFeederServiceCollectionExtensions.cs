using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Grains.DataFeeder;

public static class DataFeederServiceCollectionExtensions
{
    /// <summary>
    /// The Kafka connector as the process's one <see cref="IDataFeederConnector"/>, with its options bound from the
    /// <see cref="KafkaDataFeederOptions.SectionName"/> section and checked at start-up; the loaded librdkafka is logged at start.
    /// </summary>
    public static IServiceCollection AddKafkaDataFeederConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KafkaDataFeederOptions>()
            .Bind(configuration.GetSection(KafkaDataFeederOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<KafkaDataFeederConnector>();
        services.AddSingleton<IDataFeederConnector>(sp => sp.GetRequiredService<KafkaDataFeederConnector>());
        services.AddHostedService<LibrdkafkaStartupLog>();
        return services;
    }
}
