using System.Diagnostics;
using System.Text.Json;
using KnovvuOrleans.Gateway.Tests.VirtualAgent;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Simulators.Kafka;
using KnovvuOrleans.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace KnovvuOrleans.Gateway.Tests.DataFeeder;

/// <summary>
/// The gateway's Kafka endpoint down for 30 s (a mock cluster in the test process): the gateway keeps accepting VA
/// sessions, their Created events wait in the outbox, and every one reaches the topic, in order, after Kafka returns.
/// </summary>
public sealed class KafkaOutageTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private readonly MockKafkaCluster _kafka = MockKafkaCluster.Start(brokers: 1);

    [Fact]
    public async Task The_gateway_accepts_sessions_while_Kafka_is_down_for_30_seconds_and_every_event_arrives_after()
    {
        await using var harness = await VaHarness.StartAsync(integrationEnabled: false, settings: new Dictionary<string, string?>
        {
            ["DataFeeder:Kafka:BootstrapServers"] = _kafka.BootstrapServers,
            // A publish during the outage fails after 3 s, and the relay retries at least every second.
            ["DataFeeder:Kafka:PublishTimeoutMs"] = "3000",
            ["DataFeeder:Kafka:Settings:reconnect.backoff.max.ms"] = "200",
            ["DurableStreams:RetryMaxDelay"] = "00:00:01",
        }, output: output);
        var topic = $"gateway-outage-{Guid.NewGuid():N}";
        _kafka.CreateTopic(topic, partitions: 4);
        await harness.Api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{VaHarness.Tenant}/features", harness.HostToken, JsonSerializer.Serialize(new
        {
            dailyReports = new { enabled = false, retentionMonths = 1 },
            dataFeeder = new { enabled = true, eventTypes = DataFeederEventTypes.All, topic },
            vaToCa = new { sessionsPerHourCap = 100_000 },
        }));

        var sent = new List<string>();
        async Task PostBatchAsync()
        {
            var ids = Enumerable.Range(sent.Count, 10).Select(i => $"outage-{i:D4}").ToList();
            await harness.PostSessionsAsync(ids.Select(id => VaHarness.Session(id, "published", "web")));
            sent.AddRange(ids);
        }

        await PostBatchAsync();
        _kafka.SetBrokerDown(1);
        var down = Stopwatch.StartNew();
        while (down.Elapsed < Outage)
        {
            await PostBatchAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Assert.True(await PendingAsync(harness) > 0, "events held back by the outage");
        _kafka.SetBrokerUp(1);

        await Eventually.TrueAsync(() => PendingAsync(harness).GetAwaiter().GetResult() == 0, "every event delivered", TimeSpan.FromMinutes(2));
        var read = KafkaReadBack.ReadAll(_kafka.BootstrapServers, topic);
        Assert.All(read, r => Assert.Equal(DataFeederEventTypes.ConversationCreated, r.Header(KafkaDataFeederConnector.EventTypeHeader)));
        Assert.Equal(sent.Order(StringComparer.Ordinal), read.Select(r => r.Message.Key).Distinct().Order(StringComparer.Ordinal));
        foreach (var copies in read.GroupBy(r => r.Header(KafkaDataFeederConnector.EventIdHeader)))
        {
            Assert.Single(copies.Select(c => c.Message.Key).Distinct());
        }
    }

    public void Dispose() => _kafka.Dispose();

    private static async Task<long> PendingAsync(VaHarness harness)
    {
        await using var connection = new NpgsqlConnection(harness.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM knovvu.stream_outbox", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
