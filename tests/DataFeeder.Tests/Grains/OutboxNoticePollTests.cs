using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// The outbox notices' stream provider polls its queues at DurableStreams:NoticePollPeriod, not at Orleans' 100 ms
/// default, which put up to 100 ms on the delivery of every Data Feeder event.
/// </summary>
public sealed class OutboxNoticePollTests
{
    [Fact]
    public async Task The_notice_streams_pulling_agents_wait_the_configured_period_not_orleans_default()
    {
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers,
            settings: new Dictionary<string, string?> { ["DurableStreams:NoticePollPeriod"] = "00:00:00.007" });

        var agents = KnovvuTestCluster.ServicesOf(feeder.Cluster.Silos[0])
            .GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>()
            .Get(DurableStreamOptions.ProviderName);

        Assert.Equal(TimeSpan.FromMilliseconds(7), agents.GetQueueMsgsTimerPeriod);
    }
}
