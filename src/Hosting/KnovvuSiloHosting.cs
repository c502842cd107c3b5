using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.Tenants;
using KnovvuOrleans.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace KnovvuOrleans.Hosting;

public static class KnovvuSiloHosting
{
    /// <summary>
    /// Makes the process a silo of the product: the runtime (options from "Runtime"), the product's grains, the
    /// storage "Storage" names, and what the grains need (clients of the outside services, the Data Feeder
    /// connector). The silo host and the gateway both call it.
    /// </summary>
    public static StorageOptions AddKnovvuSilo(this IHostApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services
            .AddGrainRuntime(options => builder.Configuration.GetSection(GrainRuntimeOptions.SectionName).Bind(options))
            .AddGrains(typeof(TenantGrain).Assembly)
            .UseStorage(storage);
        builder.Services.AddKnovvuGrainServices();
        builder.Services.AddKafkaDataFeederConnector(builder.Configuration);
        return storage;
    }
}
