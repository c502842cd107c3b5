using System.Collections.Concurrent;
using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Storage;
using KnovvuOrleans.Runtime.Tests.Grains;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Runtime.Tests.Cluster;

/// <summary>Several silos in this process on one real PostgreSQL database (a fresh one per test).</summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private readonly DeliveryLog _deliveries = new();
    private readonly TickLog _ticks = new();
    private readonly WatchLog _watch = new();
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<TestCluster> StartClusterAsync(int silos, Action<GrainRuntimeOptions>? configure = null) =>
        TestCluster.StartAsync(silos, typeof(IdentityGrain).Assembly, b => b.UsePostgres(_database.ConnectionString), configure,
            services =>
            {
                services.AddSingleton(_deliveries);
                services.AddSingleton(_ticks);
                services.AddSingleton(_watch);
                services.AddSingleton(new LifecycleLog());
            });

    [Fact]
    public async Task Every_grain_has_exactly_one_activation_whichever_silo_or_client_calls_it()
    {
        await using var cluster = await StartClusterAsync(3);
        var client = await cluster.AddClientAsync();
        var callers = cluster.Silos.Select(s => s.Client).ToList();
        var keys = Enumerable.Range(0, 1000).Select(i => $"g{i}").ToList();

        var answers = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        await Parallel.ForEachAsync(keys.SelectMany(k => callers.Select(c => (Key: k, Caller: c))),
            new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (call, _) => answers.GetOrAdd(call.Key, _ => []).Add(await call.Caller.GetGrain<IIdentityGrain>(call.Key).WhoAmI()));

        Assert.All(keys, key => Assert.Single(answers[key].Distinct()));
        var hosts = cluster.Silos.Where(s => s.Silo.Address is not null).ToList();
        Assert.Equal(1000, hosts.Sum(s => s.Silo.ActivationCount));
        Assert.All(hosts, s => Assert.InRange(s.Silo.ActivationCount, 200, 500));
        Assert.Equal(0, client.Silo.ActivationCount);
    }

    [Fact]
    public async Task A_forwarded_call_keeps_the_exception_and_the_timeout_of_a_local_call()
    {
        await using var cluster = await StartClusterAsync(2, o => o.CallTimeout = TimeSpan.FromSeconds(1));
        var grain = new GrainId("identity", "remote");
        var caller = cluster.Silos.First(s => s != cluster.OwnerOf(grain)).Client.GetGrain<IIdentityGrain>("remote");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => caller.Fail("refused by the grain"));
        Assert.Equal("refused by the grain", failure.Message);
        var timeout = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => caller.Sleep(TimeSpan.FromSeconds(3)));
        Assert.Equal(grain, timeout.Grain);
    }

    [Fact]
    public async Task A_forwarded_call_answers_null_as_a_local_call_does()
    {
        await using var cluster = await StartClusterAsync(2);
        var grain = new GrainId("identity", "none");
        var owner = cluster.OwnerOf(grain);

        Assert.Null(await owner.Client.GetGrain<IIdentityGrain>("none").Nothing());
        Assert.Null(await cluster.Silos.First(s => s != owner).Client.GetGrain<IIdentityGrain>("none").Nothing());
    }

    [Fact]
    public async Task When_a_silo_is_killed_under_load_every_grain_answers_again_and_no_increment_is_lost_or_doubled()
    {
        // The call timeout is the 10 s failover bound: a call made right after the kill must succeed within it.
        await using var cluster = await StartClusterAsync(3, o => o.CallTimeout = TimeSpan.FromSeconds(10));
        var keys = Enumerable.Range(0, 100).Select(i => $"c{i}").ToList();
        var acknowledged = new ConcurrentDictionary<string, long>();
        var victim = cluster.Silos[1];
        var survivors = cluster.Silos.Where(s => s != victim).ToList();
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var worker = $"w{w}";
            long sequence = 0;
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                var key = keys[random.Next(keys.Count)];
                sequence++;
                // The same (worker, sequence) until acknowledged: the grain applies it once however often it is sent.
                while (true)
                {
                    var callers = cluster.Silos;
                    try
                    {
                        await callers[random.Next(callers.Count)].Client.GetGrain<IIdempotentCounterGrain>(key).Add(worker, sequence);
                        acknowledged.AddOrUpdate(key, 1, (_, n) => n + 1);
                        break;
                    }
                    catch (Exception) when (!stop.IsCancellationRequested)
                    {
                        await Task.Delay(20);
                    }
                    catch (Exception)
                    {
                        return;
                    }
                }
            }
        })).ToList();

        await Eventually.TrueAsync(() => acknowledged.Values.Sum() > 500, "load running before the kill");
        victim.Kill();
        await Task.WhenAll(keys.Select(key => survivors[0].Client.GetGrain<IIdempotentCounterGrain>(key).Get()));
        var afterKill = acknowledged.Values.Sum();
        await Eventually.TrueAsync(() => acknowledged.Values.Sum() > afterKill + 500, "load going on after the failover");
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        foreach (var key in keys)
        {
            Assert.Equal(acknowledged.GetValueOrDefault(key), await survivors[1].Client.GetGrain<IIdempotentCounterGrain>(key).Get());
        }
    }

    [Fact]
    public async Task Reminders_of_a_killed_silo_keep_firing_on_the_others_and_in_steady_state_no_tick_fires_twice()
    {
        await using var cluster = await StartClusterAsync(3);
        var keys = Enumerable.Range(0, 30).Select(i => $"r{i}").ToList();
        foreach (var key in keys)
        {
            await cluster.Silos[0].Client.GetGrain<IReminderGrain>(key).Start(TimeSpan.FromMilliseconds(500));
        }

        var victim = cluster.Silos[2];
        var orphaned = keys.Where(k => cluster.OwnerOf(new GrainId("reminder", k)) == victim).ToList();
        Assert.NotEmpty(orphaned);
        await Eventually.TrueAsync(() => orphaned.All(k => _ticks.Ticks.Any(t => t.Key == k && t.Silo == victim.Silo.SiloId)),
            "the victim firing its reminders");

        victim.Kill();
        var killed = DateTime.UtcNow;
        await Eventually.TrueAsync(
            () => orphaned.All(k => _ticks.Ticks.Count(t => t.Key == k && t.FiredUtc > killed && t.Silo != victim.Silo.SiloId) >= 2),
            "the orphaned reminders firing on the survivors");

        // Steady state: from a second after the cluster settled, each scheduled tick fires once.
        await cluster.WaitUntilBalancedAsync();
        var settled = DateTime.UtcNow.AddSeconds(1);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var steady = _ticks.Ticks.Where(t => t.DueUtc > settled).ToList();
        Assert.True(steady.Count >= keys.Count * 4, $"only {steady.Count} ticks in steady state");
        Assert.Equal(steady.Count, steady.Select(t => (t.Key, t.DueUtc)).Distinct().Count());
    }

    [Fact]
    public async Task The_outbox_relay_goes_on_after_a_kill_without_losing_or_reordering_events()
    {
        _deliveries.DelayPerBatch = TimeSpan.FromMilliseconds(30);
        await using var cluster = await StartClusterAsync(3, o => o.RelayBatchSize = 40);
        var keys = Enumerable.Range(0, 30).Select(i => $"s{i}").ToList();
        await Task.WhenAll(keys.Select(async key =>
        {
            for (var call = 0; call < 4; call++)
            {
                await cluster.Silos[0].Client.GetGrain<IPublisherGrain>(key).Publish(5);
            }
        }));
        await Eventually.TrueAsync(() => _deliveries.Deliveries.Count >= 60, "some events delivered before the kill");
        cluster.Silos[1].Kill();

        await Eventually.TrueAsync(
            () => _deliveries.Deliveries.Select(d => (d.Key, d.Number)).Distinct().Count() == 600, "all 600 events delivered");
        var firstIds = new Dictionary<(string, int), Guid>();
        foreach (var delivery in _deliveries.Deliveries)
        {
            if (!firstIds.TryAdd((delivery.Key, delivery.Number), delivery.EventId))
            {
                Assert.Equal(firstIds[(delivery.Key, delivery.Number)], delivery.EventId);
            }
        }

        Assert.All(keys, key => Assert.Equal(Enumerable.Range(1, 20),
            _deliveries.Deliveries.Where(d => d.Key == key).Select(d => d.Number).Distinct()));
    }

    [Fact]
    public async Task A_zombie_silo_cannot_commit_for_grains_it_no_longer_owns()
    {
        await using var cluster = await StartClusterAsync(2);
        var grainId = new GrainId("idempotentcounter", "contested");
        var zombie = cluster.OwnerOf(grainId);
        var healthy = cluster.Silos.Single(s => s != zombie);
        var onZombie = zombie.Client.GetGrain<IIdempotentCounterGrain>("contested");
        Assert.Equal(1, await onZombie.Add("a", 1));
        var partition = Partitioning.PartitionOf(grainId.ToString(), 64);
        var oldEpoch = (await cluster.Store.ReadPartitionsAsync(default)).Single(p => p.Partition == partition).Epoch;

        // The zombie stops renewing (a long pause, a cut-off network) but still believes it owns the grain.
        zombie.Silo.MembershipSuspended = true;
        await Eventually.TrueAsync(() => healthy.Silo.OwnedPartitions.Contains(partition), "the healthy silo taking the partition over");
        Assert.Contains(partition, zombie.Silo.OwnedPartitions);

        // Its own store rejects a write under its old lease...
        var store = zombie.Services.GetRequiredService<IRuntimeStore>();
        var write = new StateWrite(grainId, "counter", partition, "{\"value\":99}", (await store.ReadStateAsync(grainId, "counter", default))!.Etag);
        await Assert.ThrowsAsync<OwnershipLostException>(
            () => store.CommitAsync(write, [], new OwnershipFence(zombie.Silo.SiloId, partition, oldEpoch), default));

        // ...and a call that reaches the zombie's stale activation commits nothing there: the zombie drops the
        // partition and the call runs once on the real owner.
        Assert.Equal(2, await onZombie.Add("a", 2));
        Assert.DoesNotContain(partition, zombie.Silo.OwnedPartitions);
        Assert.Equal(2, await healthy.Client.GetGrain<IIdempotentCounterGrain>("contested").Get());
    }

    [Fact]
    public async Task Background_work_of_a_keep_alive_grain_runs_on_exactly_one_silo_and_moves_when_its_silo_dies()
    {
        await using var cluster = await StartClusterAsync(3);
        await cluster.Silos[0].Client.GetGrain<IWatcherGrain>("listener").Start();
        var owner = cluster.OwnerOf(new GrainId("watcher", "listener"));
        await Eventually.TrueAsync(() => _watch.Beats.Any(b => b.Silo == owner.Silo.SiloId), "the listener running on its owner");

        owner.Kill();
        var killed = DateTime.UtcNow;
        await Eventually.TrueAsync(() => _watch.Beats.Any(b => b.At > killed && b.Silo != owner.Silo.SiloId),
            "the listener running on another silo", TimeSpan.FromSeconds(10));
        await Task.Delay(500);

        Assert.Equal(1, Volatile.Read(ref _watch.Running));
        var recent = _watch.Beats.Where(b => b.At > DateTime.UtcNow.AddMilliseconds(-300)).Select(b => b.Silo).Distinct().ToList();
        Assert.Single(recent);
        Assert.NotEqual(owner.Silo.SiloId, recent[0]);
    }

    [Fact]
    public async Task A_joining_silo_takes_its_share_and_a_leaving_silo_hands_over_without_losing_state()
    {
        await using var cluster = await StartClusterAsync(2);
        var keys = Enumerable.Range(0, 50).Select(i => $"j{i}").ToList();
        foreach (var key in keys)
        {
            await cluster.Silos[0].Client.GetGrain<ICounterGrain>(key).Increment();
        }

        var joined = await cluster.AddSiloAsync();
        await cluster.WaitUntilBalancedAsync();
        Assert.InRange(joined.Silo.OwnedPartitions.Count, 21, 22);
        foreach (var key in keys)
        {
            await joined.Client.GetGrain<ICounterGrain>(key).Increment();
        }

        await cluster.Silos[0].StopAsync();
        await cluster.WaitUntilBalancedAsync();
        foreach (var key in keys)
        {
            Assert.Equal(2, await joined.Client.GetGrain<ICounterGrain>(key).Get());
        }
    }
}
