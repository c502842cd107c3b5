using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Storage;
using KnovvuOrleans.Runtime.Tests.Grains;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Runtime.Tests;

/// <summary>
/// The runtime's guarantees, run once per storage provider (see the derived classes). Each test gets fresh storage
/// that outlives the silos it starts, so restarts and crashes can be observed.
/// </summary>
public abstract class RuntimeContractTests : IAsyncLifetime
{
    private readonly DeliveryLog _deliveries = new();
    private readonly TickLog _ticks = new();

    protected abstract void UseStorage(GrainRuntimeBuilder builder);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    private Task<TestSilo> StartSiloAsync(Action<GrainRuntimeOptions>? configure = null) =>
        TestSilo.StartAsync(typeof(CounterGrain).Assembly, UseStorage, configure, services =>
        {
            services.AddSingleton(_deliveries);
            services.AddSingleton(_ticks);
            services.AddSingleton(new LifecycleLog());
        });

    [Fact]
    public async Task State_survives_a_silo_restart()
    {
        await using (var silo = await StartSiloAsync())
        {
            var counter = silo.Client.GetGrain<ICounterGrain>("c1");
            for (var i = 0; i < 3; i++)
            {
                await counter.Increment();
            }
        }

        await using var next = await StartSiloAsync();
        Assert.Equal(3, await next.Client.GetGrain<ICounterGrain>("c1").Get());
        Assert.Equal(0, await next.Client.GetGrain<ICounterGrain>("c2").Get());
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_rejected_and_appends_no_event()
    {
        await using var silo = await StartSiloAsync();
        var store = silo.Services.GetRequiredService<IRuntimeStore>();
        var grain = new GrainId("store", "etag");
        StateWrite Write(string json, string? etag) => new(grain, "s", 0, json, etag);
        OutboxEvent[] Event() => [new OutboxEvent("ns/etag", 0, Guid.NewGuid(), "{}")];

        var first = await store.CommitAsync(Write("{\"v\":1}", null), [], null, default);
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.CommitAsync(Write("{\"v\":9}", null), Event(), null, default));
        var second = await store.CommitAsync(Write("{\"v\":2}", first), [], null, default);
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.CommitAsync(Write("{\"v\":9}", first), Event(), null, default));

        Assert.NotEqual(first, second);
        Assert.Equal(new StoredState("{\"v\":2}", second!), await store.ReadStateAsync(grain, "s", default));
        Assert.Empty(await store.ReadPendingEventsAsync(null, [], DateTime.UtcNow, 10, default));
    }

    [Fact]
    public async Task A_grain_whose_state_was_written_behind_its_back_fails_its_write_and_then_continues_from_the_stored_state()
    {
        await using var silo = await StartSiloAsync();
        var counter = silo.Client.GetGrain<ICounterGrain>("shared");
        Assert.Equal(1, await counter.Increment());

        // Someone else writes the stored state (value 10) after the grain read it: the grain must not overwrite it.
        var store = silo.Services.GetRequiredService<IRuntimeStore>();
        var grain = new GrainId("counter", "shared");
        var stored = await store.ReadStateAsync(grain, "counter", default);
        await store.CommitAsync(new StateWrite(grain, "counter", 0, "{\"value\":10}", stored!.Etag), [], null, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Increment());
        Assert.Equal(11, await counter.Increment());
    }

    [Fact]
    public async Task Reminders_fire_and_keep_firing_after_a_silo_restart()
    {
        await using (var silo = await StartSiloAsync())
        {
            await silo.Client.GetGrain<IReminderGrain>("r1").Start(TimeSpan.FromMilliseconds(200));
            await Eventually.TrueAsync(() => _ticks.Ticks.Count >= 2, "two ticks before the restart");
        }

        var before = _ticks.Ticks.Count;
        await using var next = await StartSiloAsync();
        await Eventually.TrueAsync(() => _ticks.Ticks.Count >= before + 2, "two ticks after the restart, with no call to the grain");
        Assert.All(_ticks.Ticks, t => Assert.Equal("r1", t.Key));
    }

    [Fact]
    public async Task A_tick_missed_while_no_silo_ran_fires_once_not_as_a_burst()
    {
        var period = TimeSpan.FromMilliseconds(300);
        await using (var silo = await StartSiloAsync())
        {
            await silo.Client.GetGrain<IReminderGrain>("r2").Start(period);
            await Eventually.TrueAsync(() => !_ticks.Ticks.IsEmpty, "a first tick");
            silo.Kill();
        }

        await Task.Delay(period * 6);
        var restart = DateTime.UtcNow;
        await using var next = await StartSiloAsync();
        await Eventually.TrueAsync(() => _ticks.Ticks.Count(t => t.FiredUtc >= restart) >= 3, "ticks after the restart");

        var overdue = _ticks.Ticks.Where(t => t.FiredUtc >= restart && t.DueUtc < restart).ToList();
        Assert.Single(overdue);
    }

    [Fact]
    public async Task A_turn_that_throws_after_publishing_commits_neither_state_nor_event()
    {
        await using var silo = await StartSiloAsync();
        var publisher = silo.Client.GetGrain<IPublisherGrain>("p-throw");

        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishThenThrow());
        Assert.Equal(0, await publisher.LastNumber());
        var store = silo.Services.GetRequiredService<IRuntimeStore>();
        Assert.Empty(await store.ReadPendingEventsAsync(null, [], DateTime.UtcNow, 10, default));

        // The same grain's next successful turn commits state and event together, and the event is delivered.
        await publisher.Publish(1);
        await Eventually.TrueAsync(() => !_deliveries.Deliveries.IsEmpty, "the event of the successful turn");
        Assert.Equal(1, await publisher.LastNumber());
        Assert.Equal(1, Assert.Single(_deliveries.Deliveries).Number);
    }

    [Fact]
    public async Task The_relay_delivers_each_stream_in_order()
    {
        await using var silo = await StartSiloAsync();
        var keys = Enumerable.Range(0, 10).Select(i => $"order-{i}").ToList();
        await Task.WhenAll(keys.Select(async key =>
        {
            for (var call = 0; call < 10; call++)
            {
                await silo.Client.GetGrain<IPublisherGrain>(key).Publish(5);
            }
        }));

        await Eventually.TrueAsync(() => _deliveries.Deliveries.Count >= 500, "500 events delivered");
        foreach (var key in keys)
        {
            var received = _deliveries.Deliveries.Where(d => d.Key == key).ToList();
            Assert.Equal(Enumerable.Range(1, 50), received.Select(d => d.Number));
            Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), received.Select(d => d.Sequence));
        }
    }

    [Fact]
    public async Task A_subscriber_that_throws_is_retried_and_nothing_is_skipped()
    {
        await using var silo = await StartSiloAsync();
        _deliveries.FailNext("flaky", 3);
        var flaky = silo.Client.GetGrain<IPublisherGrain>("flaky");
        var steady = silo.Client.GetGrain<IPublisherGrain>("steady");
        await flaky.Publish(3);
        await steady.Publish(3);
        await flaky.Publish(2);

        await Eventually.TrueAsync(() => _deliveries.Deliveries.Count(d => d.Key == "flaky") >= 5, "the flaky stream delivered");
        Assert.Equal(3, _deliveries.Failures);
        Assert.Equal([1, 2, 3, 4, 5], _deliveries.Deliveries.Where(d => d.Key == "flaky").Select(d => d.Number));
        Assert.Equal([1, 2, 3], _deliveries.Deliveries.Where(d => d.Key == "steady").Select(d => d.Number));
    }

    [Fact]
    public async Task No_event_is_lost_when_the_silo_dies_mid_relay()
    {
        _deliveries.DelayPerBatch = TimeSpan.FromMilliseconds(50);
        var keys = Enumerable.Range(0, 20).Select(i => $"crash-{i}").ToList();
        await using (var silo = await StartSiloAsync(o => o.RelayBatchSize = 40))
        {
            await Task.WhenAll(keys.Select(async key =>
            {
                for (var call = 0; call < 4; call++)
                {
                    await silo.Client.GetGrain<IPublisherGrain>(key).Publish(5);
                }
            }));
            await Eventually.TrueAsync(() => _deliveries.Deliveries.Count >= 50, "some events delivered before the crash");
            silo.Kill();
        }

        var beforeRestart = _deliveries.Deliveries.Count;
        Assert.True(beforeRestart < 400, $"the crash came too late to test anything ({beforeRestart} of 400 delivered)");
        await using var next = await StartSiloAsync();
        await Eventually.TrueAsync(
            () => _deliveries.Deliveries.Select(d => (d.Key, d.Number)).Distinct().Count() == 400, "all 400 events delivered");

        var firstIds = new Dictionary<(string, int), Guid>();
        foreach (var delivery in _deliveries.Deliveries)
        {
            // A redelivered event carries the event id it had the first time.
            if (!firstIds.TryAdd((delivery.Key, delivery.Number), delivery.EventId))
            {
                Assert.Equal(firstIds[(delivery.Key, delivery.Number)], delivery.EventId);
            }
        }

        foreach (var key in keys)
        {
            var firstSeen = _deliveries.Deliveries.Where(d => d.Key == key).Select(d => d.Number).Distinct().ToList();
            Assert.Equal(Enumerable.Range(1, 20), firstSeen);
        }
    }
}
