using Confluent.Kafka;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Testing;
using Orleans.Runtime;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// One tenant's day replayed into a fresh topic of the tenant and compared with what went out live: every event of the
/// day, Created first per conversation, the live bytes apart from timestampOfMessage, the original event ids, a replay-id
/// header; nothing of another day or tenant, nothing of a draft. Once undisturbed, once with the replay's silo killed.
/// </summary>
public sealed class DataFeederReplayTests(ReplayDayFixture day) : IClassFixture<ReplayDayFixture>
{
    // 10,000 Created, 10,000 Analyzed, 5,000 Category Match.
    private const int DayEvents = 25_000;

    [Fact]
    public async Task A_replayed_day_holds_every_live_event_of_that_day_once_with_its_bytes_and_id()
    {
        var topic = $"{day.Feeder.TopicOf(ReplayDayFixture.Tenant)}-replay-{Guid.NewGuid():N}";
        var job = await StartAsync(topic);

        var finished = await WaitUntilCompletedAsync(job.Id);
        Assert.Equal(ReplayDayFixture.Conversations, finished.ConversationsTotal);
        Assert.Equal(ReplayDayFixture.Conversations, finished.ConversationsDone);
        Assert.Equal(DayEvents, finished.EventsTotal);
        Assert.Equal(DayEvents, finished.EventsDone);
        AssertReplayed(job.Id, KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, topic), exactlyOnce: true);
    }

    [Fact]
    public async Task A_replay_whose_silo_is_killed_midway_resumes_and_repeats_only_with_the_original_event_ids()
    {
        var topic = $"{day.Feeder.TopicOf(ReplayDayFixture.Tenant)}-replay-{Guid.NewGuid():N}";
        var job = await StartAsync(topic);
        var grain = Job(job.Id);
        await Eventually.TrueAsync(async () => (await grain.GetStatus())!.EventsDone >= 4_000, "the replay a good way in", TimeSpan.FromMinutes(2));

        var silo = await day.Feeder.Cluster.SiloOfAsync(grain);
        var atKill = (await grain.GetStatus())!;
        Assert.Equal(ReplayStates.Running, atKill.State);
        Assert.True(atKill.EventsDone < DayEvents, "events left to send when the silo died");
        await day.Feeder.Cluster.KillAsync(silo);

        var finished = await WaitUntilCompletedAsync(job.Id);
        Assert.Equal(ReplayDayFixture.Conversations, finished.ConversationsDone);
        Assert.Equal(DayEvents, finished.EventsDone);
        AssertReplayed(job.Id, KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, topic), exactlyOnce: false);
    }

    private async Task<ReplayJob> StartAsync(string topic) =>
        await day.Feeder.Client.GetGrain<IDataFeederReplaysGrain>(ReplayDayFixture.Tenant).Create(
            new ReplayRequest(ReplayDayFixture.Day, ReplayDayFixture.Day.AddDays(1), DataFeederEventTypes.All, topic))
        ?? throw new InvalidOperationException("Another replay of the tenant is still running.");

    private IDataFeederReplayGrain Job(string jobId) =>
        day.Feeder.Client.GetGrain<IDataFeederReplayGrain>(ReplayKey.For(ReplayDayFixture.Tenant, jobId));

    private async Task<ReplayJob> WaitUntilCompletedAsync(string jobId)
    {
        ReplayJob? status = null;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                status = await Job(jobId).GetStatus();
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                // The silo that held the job just died; the next attempt reaches its new activation.
                return false;
            }

            return status is { State: ReplayStates.Completed };
        }, "the replay completed", TimeSpan.FromMinutes(5));
        return status!;
    }

    private void AssertReplayed(string jobId, IReadOnlyList<ConsumeResult<string, byte[]>> replayed, bool exactlyOnce)
    {
        var dayIds = day.DayIds.ToHashSet(StringComparer.Ordinal);
        var live = day.Live.Where(r => dayIds.Contains(r.Message.Key))
            .GroupBy(r => r.Header(KafkaDataFeederConnector.EventIdHeader))
            .ToDictionary(g => g.Key, g => g.First());
        Assert.Equal(DayEvents, live.Count);

        Assert.All(replayed, r =>
        {
            Assert.Equal(ReplayDayFixture.Tenant, r.Header(KafkaDataFeederConnector.TenantIdHeader));
            Assert.Equal(jobId, r.Header(KafkaDataFeederConnector.ReplayIdHeader));
        });
        var copies = replayed.GroupBy(r => r.Header(KafkaDataFeederConnector.EventIdHeader)).ToList();
        Assert.Equal(live.Keys.Order(StringComparer.Ordinal), copies.Select(c => c.Key).Order(StringComparer.Ordinal));
        if (exactlyOnce)
        {
            Assert.Equal(DayEvents, replayed.Count);
        }

        foreach (var copy in copies.SelectMany(c => c))
        {
            var original = live[copy.Header(KafkaDataFeederConnector.EventIdHeader)];
            Assert.Equal(original.Message.Key, copy.Message.Key);
            Assert.Equal(original.Header(KafkaDataFeederConnector.EventTypeHeader), copy.Header(KafkaDataFeederConnector.EventTypeHeader));
            Assert.True(AfterTimestamp(original.Message.Value).SequenceEqual(AfterTimestamp(copy.Message.Value)),
                $"{copy.Message.Key}: the replayed body differs from the live one beyond timestampOfMessage");
        }

        // Per conversation, the events in the live order: Created first.
        var liveOrder = OrderByConversation(live.Values);
        foreach (var (externalId, events) in OrderByConversation(replayed))
        {
            Assert.Equal(DataFeederEventTypes.ConversationCreated, events[0].Type);
            Assert.Equal(liveOrder[externalId].Select(e => e.Id), events.Select(e => e.Id));
        }
    }

    private static Dictionary<string, List<(string Id, string Type)>> OrderByConversation(IEnumerable<ConsumeResult<string, byte[]>> read) =>
        read.GroupBy(r => r.Message.Key).ToDictionary(
            g => g.Key,
            g => g.OrderBy(r => r.Offset.Value)
                .Select(r => (Id: r.Header(KafkaDataFeederConnector.EventIdHeader), Type: r.Header(KafkaDataFeederConnector.EventTypeHeader)))
                .DistinctBy(e => e.Id)
                .ToList());

    /// <summary>The body from the comma after timestampOfMessage, its first field ({"timestampOfMessage":"MM/dd/yyyy HH:mm:ss",…).</summary>
    private static ReadOnlySpan<byte> AfterTimestamp(byte[] body)
    {
        var prefix = "{\"timestampOfMessage\":\"01/01/2000 00:00:00\""u8.Length;
        Assert.Equal((byte)',', body[prefix]);
        return body.AsSpan(prefix);
    }
}
