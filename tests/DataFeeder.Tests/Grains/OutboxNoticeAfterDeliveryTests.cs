using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Streaming;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// Notices queue behind a running delivery, one per append. Each of them used to wake a delivery of its own once the
/// delivery that had already read its events finished: one outbox read finding nothing per notice.
/// </summary>
public sealed class OutboxNoticeAfterDeliveryTests
{
    [Fact]
    public async Task Notices_of_events_already_delivered_do_not_wake_a_delivery_that_reads_nothing()
    {
        CountingEventOutbox? outbox = null;
        SlowConnector? connector = null;
        await using var feeder = await FeederCluster.StartAsync(1, TestEnvironment.KafkaBootstrapServers,
            // Each publish takes a while, so the appends of the conversations below queue their notices behind it.
            wrap: inner => connector = new SlowConnector(inner, TimeSpan.FromMilliseconds(300)),
            services: silo => silo.AddSingleton<IEventOutbox>(sp =>
                outbox = new CountingEventOutbox(new PostgresEventOutbox(sp.GetRequiredService<NpgsqlDataSource>()))));
        await feeder.AddTenantAsync("acme");
        var ids = Enumerable.Range(0, 40).Select(i => $"c-{i:D2}").ToList();

        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (id, _) => Assert.Equal(IngestOutcome.Recorded, await feeder.IngestAsync("acme", id)));
        await feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(1));
        // The notices still queued behind the last delivery are handed over within a few of the streams' polls.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(ids.Count, connector!.Published);
        // Before: one empty read for about every notice that had queued behind a delivery (about 30 of the 40 here).
        Assert.InRange(outbox!.EmptyReads, 0, 4);
    }
}
