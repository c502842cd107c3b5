using KnovvuOrleans.Grains.Settings;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Grains.Streaming;

public static class DurableStreamServiceCollectionExtensions
{
    /// <summary>The durable streams' publisher, options and the subscriber of each product namespace (the outbox comes with the storage).</summary>
    public static IServiceCollection AddDurableStreams(this IServiceCollection services)
    {
        services.AddValidatedOptions<DurableStreamOptions>(DurableStreamOptions.SectionName);
        services.AddSingleton<DurableStreamPublisher>();
        services.AddSingleton(new DurableStreamSubscribers(new Dictionary<string, Func<IGrainFactory, string, IOutboxSubscriberGrain>>
        {
            [DataFeederStream.Namespace] = (grains, key) => grains.GetGrain<IDataFeederPublisherGrain>(key),
            [GenesysCallsStream.Namespace] = (grains, key) => grains.GetGrain<IGenesysCallImporterGrain>(key),
        }));
        return services;
    }
}
