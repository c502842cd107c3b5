using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// A replay that starts while Kafka cannot be reached keeps retrying, shows it in its status, and finishes once Kafka is
/// back; a cancelled replay sends nothing more.
/// </summary>
public sealed class DataFeederReplayOutageTests
{
    private const int Conversations = 60;

    [Fact]
    public async Task A_replay_during_a_kafka_outage_retries_counts_its_errors_and_completes_afterwards()
    {
        SwitchableConnector? destination = null;
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers,
            wrap: inner => destination = new SwitchableConnector(inner),
            settings: new Dictionary<string, string?>
            {
                ["DataFeeder:Replay:RetryBaseDelay"] = "00:00:00.050",
                ["DataFeeder:Replay:RetryMaxDelay"] = "00:00:00.200",
            });
        await feeder.AddTenantAsync("acme");
        var day = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);
        for (var i = 0; i < Conversations; i++)
        {
            await feeder.IngestAsync("acme", $"c-{i:D2}", start: day.AddMinutes(i));
            Assert.Equal(RaiseOutcome.Published, await feeder.PostAnalysisAsync("acme", $"c-{i:D2}"));
        }

        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(1));
        destination!.Failing = true;
        var topic = $"{feeder.TopicOf("acme")}-replay";
        var job = (await feeder.Client.GetGrain<IDataFeederReplaysGrain>("acme").Create(
            new ReplayRequest(day, day.AddDays(1), DataFeederEventTypes.All, topic)))!;
        var grain = feeder.Client.GetGrain<IDataFeederReplayGrain>(ReplayKey.For("acme", job.Id));

        await Eventually.TrueAsync(async () => (await grain.GetStatus())!.Errors >= 3, "the replay retried through the outage");
        var during = (await grain.GetStatus())!;
        Assert.Equal(ReplayStates.Running, during.State);
        Assert.Equal(0, during.EventsDone);
        Assert.Contains("switched off", during.LastError);

        destination.Failing = false;
        await Eventually.TrueAsync(async () => (await grain.GetStatus())!.State == ReplayStates.Completed, "the replay completed after the outage");
        var read = KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, topic);
        Assert.Equal(2 * Conversations, read.Count);
        Assert.Equal(2 * Conversations, read.Select(r => r.Header(KafkaDataFeederConnector.EventIdHeader)).Distinct().Count());
    }

    [Fact]
    public async Task A_cancelled_replay_stops_and_sends_nothing_more()
    {
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers, settings: new Dictionary<string, string?>
        {
            ["DataFeeder:Replay:EventsPerSecond"] = "20",
            ["DataFeeder:Replay:ConversationsPerStep"] = "5",
        });
        await feeder.AddTenantAsync("acme");
        var day = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);
        for (var i = 0; i < Conversations; i++)
        {
            await feeder.IngestAsync("acme", $"c-{i:D2}", start: day.AddMinutes(i));
        }

        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(1));
        var topic = $"{feeder.TopicOf("acme")}-replay";
        var job = (await feeder.Client.GetGrain<IDataFeederReplaysGrain>("acme").Create(
            new ReplayRequest(day, day.AddDays(1), DataFeederEventTypes.All, topic)))!;
        var grain = feeder.Client.GetGrain<IDataFeederReplayGrain>(ReplayKey.For("acme", job.Id));
        await Eventually.TrueAsync(async () => (await grain.GetStatus())!.EventsDone >= 10, "the replay under way");

        var cancelled = (await grain.Cancel())!;
        Assert.Equal(ReplayStates.Cancelled, cancelled.State);
        Assert.NotNull(cancelled.FinishedAt);
        Assert.True(cancelled.EventsDone < Conversations, $"{cancelled.EventsDone} sent before the cancel");

        // Steps would have gone on every 250 ms; none may follow the cancel.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(cancelled.EventsDone, (await grain.GetStatus())!.EventsDone);
        Assert.Equal(cancelled.EventsDone, KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, topic).Count);
        // The tenant's one running replay is gone: another may start.
        Assert.NotNull(await feeder.Client.GetGrain<IDataFeederReplaysGrain>("acme").Create(
            new ReplayRequest(day, day.AddDays(1), DataFeederEventTypes.All, $"{topic}-again")));
    }
}
