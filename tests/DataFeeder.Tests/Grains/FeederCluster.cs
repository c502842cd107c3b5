using KnovvuOrleans.DataFeeder.Tests.Connector;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// The product's silos on an Orleans test cluster with real PostgreSQL and a Kafka connector to the given endpoint: tenants
/// with the Data Feeder on (all event types, a topic each), conversations ingested and results posted through grains.
/// </summary>
public sealed class FeederCluster : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 22, 8, 31, 59, TimeSpan.Zero);

    private FeederCluster(KnovvuTestCluster cluster, string runId)
    {
        Cluster = cluster;
        RunId = runId;
    }

    public KnovvuTestCluster Cluster { get; }

    /// <summary>Part of every topic name, so that runs on the shared endpoint never read each other's events.</summary>
    public string RunId { get; }

    public IGrainFactory Client => Cluster.Client;

    public static async Task<FeederCluster> StartAsync(
        int silos, string bootstrapServers, Action<KafkaDataFeederOptions>? kafka = null,
        Func<IDataFeederConnector, IDataFeederConnector>? wrap = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var cluster = await KnovvuTestCluster.StartAsync(silos, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["DataFeeder:Kafka:BootstrapServers"] = bootstrapServers,
        }, silo =>
        {
            silo.AddSingleton(_ => Connectors.Create(bootstrapServers, kafka));
            silo.AddSingleton(sp => wrap is null
                ? sp.GetRequiredService<KafkaDataFeederConnector>()
                : wrap(sp.GetRequiredService<KafkaDataFeederConnector>()));
            services?.Invoke(silo);
        });
        return new FeederCluster(cluster, Guid.NewGuid().ToString("N")[..12]);
    }

    public string TopicOf(string tenantId) => $"datafeeder-{RunId}-{tenantId}";

    public async Task AddTenantAsync(string tenantId)
    {
        var tenant = Client.GetGrain<ITenantGrain>(tenantId);
        await tenant.Create(tenantId);
        await tenant.UpdateFeatures(TenantFeatures.Default with
        {
            DataFeeder = new DataFeederSettings(true, DataFeederEventTypes.All, TopicOf(tenantId)),
        });
    }

    /// <param name="start">The conversation's start time (a fixed one by default).</param>
    /// <param name="status">A <see cref="VaSessionStatus"/>; published by default.</param>
    public Task<IngestOutcome> IngestAsync(
        string tenantId, string externalId, bool isCall = false, DateTimeOffset? start = null, string status = VaSessionStatus.Published)
    {
        var startTime = start ?? Start;
        return Conversation(tenantId, externalId).IngestVaSession(new VaSession
        {
            ExternalId = externalId,
            Status = status,
            ProjectId = "p1",
            ChannelId = isCall ? "ivr" : "web",
            StartTime = startTime,
            EndTime = startTime.AddSeconds(5),
            Messages = [new VaMessage(startTime, "Merhaba", VaMessage.AgentSide)],
        }, isCall);
    }

    public Task<RaiseOutcome> PostAnalysisAsync(string tenantId, string externalId) =>
        Conversation(tenantId, externalId).PostAnalysis(new ConversationAnalysis(
            [new DataFeederTranscript { Channel = 1, Text = "ürün destek", Times = "0 40;560 1000", StartTime = 0, EndTime = 1000 }],
            0, 87, 0, 0, 0));

    public Task<RaiseOutcome> PostCategoryAsync(string tenantId, string externalId) =>
        Conversation(tenantId, externalId).PostCategory(new CategoryResult(7, "complaint"));

    /// <summary>Events waiting in the outbox for their subscriber: zero once everything raised reached Kafka.</summary>
    public async Task<long> PendingEventsAsync()
    {
        await using var connection = new NpgsqlConnection(Cluster.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM knovvu.stream_outbox", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async Task WaitUntilDeliveredAsync(TimeSpan limit)
    {
        var pending = long.MaxValue;
        await Eventually.TrueAsync(() => (pending = PendingEventsAsync().GetAwaiter().GetResult()) == 0,
            $"every raised event delivered (pending: {pending})", limit);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
    }

    private IConversationGrain Conversation(string tenantId, string externalId) =>
        Client.GetGrain<IConversationGrain>(ConversationKey.For(tenantId, externalId));
}
