using KnovvuOrleans.Grains.DailyReports;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Grains.Outbound;
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
        services.AddOptions<CaSyncOptions>().BindConfiguration(CaSyncOptions.SectionName);
        services.AddOptions<CaUrlOptions>().BindConfiguration(CaUrlOptions.SectionName);
        services.AddSingleton<SecretProtector>();
        services.AddOptions<GenesysCloudClientOptions>().BindConfiguration(GenesysCloudClientOptions.SectionName);
        // Polly's per-attempt timeout governs; HttpClient's own would cut across retries.
        services.AddHttpClient(GenesysCloudClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<GenesysCloudClient>();
        services.AddOptions<GenesysListenerOptions>().BindConfiguration(GenesysListenerOptions.SectionName);
        services.AddOptions<GenesysImportOptions>().BindConfiguration(GenesysImportOptions.SectionName);
        services.AddOptions<GenesysSyncOptions>().BindConfiguration(GenesysSyncOptions.SectionName)
            .Validate(o => o.GroupSyncPeriod > TimeSpan.Zero && o.ReconcileWindow > TimeSpan.Zero && o.ReconcileOverlap >= TimeSpan.Zero && o.ImportConcurrency > 0 && o.AgentsPerCaRequest > 0,
                $"{GenesysSyncOptions.SectionName}: periods, ImportConcurrency and AgentsPerCaRequest must be positive, ReconcileOverlap not negative.")
            .Validate(o => o.ReconcileAtUtc >= TimeSpan.Zero && o.ReconcileAtUtc < TimeSpan.FromDays(1),
                $"{GenesysSyncOptions.SectionName}:ReconcileAtUtc must be a time of day (00:00:00 to 23:59:59).")
            .ValidateOnStart();
        services.AddOptions<ObjectStorageOptions>().BindConfiguration(ObjectStorageOptions.SectionName);
        services.TryAddSingleton<IObjectStore>(sp => sp.GetRequiredService<IOptions<ObjectStorageOptions>>().Value.Provider switch
        {
            ObjectStorageOptions.S3Provider => ActivatorUtilities.CreateInstance<S3ObjectStore>(sp),
            ObjectStorageOptions.LocalProvider => ActivatorUtilities.CreateInstance<LocalFolderObjectStore>(sp),
            var other => throw new InvalidOperationException($"ObjectStorage:Provider must be Local or S3, not '{other}'."),
        });
        services.AddOptions<DailyReportOptions>().BindConfiguration(DailyReportOptions.SectionName);
        services.AddSingleton<DailyReportBuilder>();
        services.AddSingleton<DailyReportRetention>();
        services.AddDurableStreams();
        return services;
    }
}
