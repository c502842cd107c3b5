using KnovvuOrleans.Grains.Analysis;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.Streaming;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KnovvuOrleans.Grains.Storage;

public static class KnovvuStorageServiceCollectionExtensions
{
    private const string ApplicationName = "KnovvuOrleans";

    /// <summary>
    /// The conversation log with its kept Data Feeder events and its recorder, the analysis queue, the durable streams' outbox and the Data Protection key ring in PostgreSQL,
    /// on the registered <see cref="NpgsqlDataSource"/>.
    /// </summary>
    public static IServiceCollection AddKnovvuPostgresStorage(this IServiceCollection services)
    {
        services.AddSingleton<IConversationLog>(sp => new PostgresConversationLog(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IAnalysisQueue>(sp => new PostgresAnalysisQueue(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IEventOutbox>(sp => new PostgresEventOutbox(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IKeptEventStore>(sp => new PostgresKeptEventStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IConversationRecorder>(sp => new PostgresConversationRecorder(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new PostgresXmlRepository(sp.GetRequiredService<NpgsqlDataSource>())));
        return services;
    }

    /// <summary>Everything in memory, for the demo and fast tests: nothing (keys included) outlives the process.</summary>
    public static IServiceCollection AddKnovvuInMemoryStorage(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryConversationLog>();
        services.AddSingleton<IConversationLog>(sp => sp.GetRequiredService<InMemoryConversationLog>());
        services.AddSingleton<IKeptEventStore>(sp => new InMemoryKeptEventStore(
            sp.GetRequiredService<InMemoryConversationLog>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IAnalysisQueue, InMemoryAnalysisQueue>();
        services.AddSingleton<IEventOutbox>(sp => new InMemoryEventOutbox(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IConversationRecorder, InMemoryConversationRecorder>();
        services.AddDataProtection().SetApplicationName(ApplicationName).UseEphemeralDataProtectionProvider();
        return services;
    }
}
