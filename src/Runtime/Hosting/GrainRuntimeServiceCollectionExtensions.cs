using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds a silo to the host: <c>services.AddGrainRuntime().AddGrains(assembly).UsePostgres(cs)</c>.</summary>
    public static GrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return new GrainRuntimeBuilder(services);
    }
}
