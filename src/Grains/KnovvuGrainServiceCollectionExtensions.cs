using KnovvuOrleans.Grains.DailyReports;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Grains.Outbound;
using KnovvuOrleans.Grains.Settings;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains;

public static class KnovvuGrainServiceCollectionExtensions
{
    /// <summary>What the product's grains need besides storage: the clients of the outside services and their options.</summary>
    public static IServiceCollection AddKnovvuGrainServices(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<KnovvuMetrics>();
        services.AddKnovvuAnalyticsClient();
        services.AddValidatedOptions<CaSyncOptions>(CaSyncOptions.SectionName);
        services.AddValidatedOptions<CaUrlOptions>(CaUrlOptions.SectionName);
        services.AddSingleton<SecretProtector>();
        services.AddValidatedOptions<GenesysCloudClientOptions>(GenesysCloudClientOptions.SectionName);
        services.AddTenantResilientHttpClient<GenesysCloudClientOptions>(GenesysCloudClient.HttpClientName);
        services.AddSingleton<GenesysCloudClient>();
        services.AddValidatedOptions<GenesysListenerOptions>(GenesysListenerOptions.SectionName);
        services.AddValidatedOptions<GenesysImportOptions>(GenesysImportOptions.SectionName);
        services.AddValidatedOptions<GenesysSyncOptions>(GenesysSyncOptions.SectionName);
        services.AddValidatedOptions<ObjectStorageOptions>(ObjectStorageOptions.SectionName);
        services.TryAddSingleton<IObjectStore>(sp => sp.GetRequiredService<IOptions<ObjectStorageOptions>>().Value.Provider == ObjectStorageOptions.S3Provider
            ? ActivatorUtilities.CreateInstance<S3ObjectStore>(sp)
            : ActivatorUtilities.CreateInstance<LocalFolderObjectStore>(sp));
        services.AddValidatedOptions<DailyReportOptions>(DailyReportOptions.SectionName);
        services.AddSingleton<DailyReportBuilder>();
        services.AddSingleton<DailyReportRetention>();
        services.AddValidatedOptions<HeldResultsOptions>(HeldResultsOptions.SectionName);
        services.AddValidatedOptions<DataFeederReplayOptions>(DataFeederReplayOptions.SectionName);
        services.AddDurableStreams();
        return services;
    }
}
