using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>
/// A real two-silo Orleans cluster whose membership, grain state and reminders live in PostgreSQL through the
/// project's schema: each test on a fresh database and cluster.
/// </summary>
public sealed class ClusterOnPostgresTests : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(60);

    private PostgresTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await PostgresTestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Both_silos_are_active_in_the_membership_table_and_a_killed_one_is_declared_dead_then_cleaned_up()
    {
        var silos = _cluster.Cluster.Silos.ToList();
        var expected = silos.Select(PostgresTestCluster.MembershipKey).Order().ToList();
        await Eventually.TrueAsync(async () =>
        {
            var rows = await _cluster.MembershipAsync();
            return rows.Keys.Order().SequenceEqual(expected) && rows.Values.All(status => status == Active);
        }, "both silos Active in OrleansMembershipTable");
        Assert.True(await _cluster.ScalarAsync<int>(
            "SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = @cluster",
            ("cluster", _cluster.Cluster.Options.ClusterId)) >= 2, "each join bumps the table version");

        var (victim, survivor) = (silos[0], silos[1]);
        await _cluster.Cluster.KillSiloAsync(victim);
        await Eventually.TrueAsync(async () => (await _cluster.MembershipAsync())[PostgresTestCluster.MembershipKey(victim)] == Dead,
            "the killed silo declared Dead", FailoverLimit);

        // The per-row cleanup query (CleanupDefunctSiloEntryKey) removes the dead row and leaves the live one.
        var membership = ((InProcessSiloHandle)survivor).ServiceProvider.GetRequiredService<IMembershipTable>();
        await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        var left = await _cluster.MembershipAsync();
        Assert.Equal([PostgresTestCluster.MembershipKey(survivor)], left.Keys);
        Assert.Equal(Active, left.Values.Single());
    }

    [Fact]
    public async Task State_written_on_one_silo_is_read_back_on_the_other_after_its_silo_is_killed()
    {
        var grain = _cluster.Cluster.Client.GetGrain<IProbeGrain>($"state-{Guid.NewGuid():N}");
        await grain.WriteAsync("written before the kill");
        var holder = await grain.SiloAsync();
        var victim = _cluster.Cluster.Silos.Single(s => s.SiloAddress.ToString() == holder);
        var survivor = _cluster.Cluster.Silos.Single(s => s != victim).SiloAddress.ToString();

        await _cluster.Cluster.KillSiloAsync(victim);

        string? readBack = null;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                readBack = await grain.ReadAsync();
                return await grain.SiloAsync() == survivor;
            }
            catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
            {
                return false;
            }
        }, "the grain answering from the survivor", FailoverLimit);
        Assert.Equal("written before the kill", readBack);
        Assert.Equal(1L, await _cluster.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage WHERE PayloadBinary IS NOT NULL"));
    }

    [Fact]
    public async Task Of_two_concurrent_writes_from_the_same_version_one_fails_with_InconsistentStateException()
    {
        var storage = ((InProcessSiloHandle)_cluster.Cluster.Silos[0]).ServiceProvider
            .GetRequiredKeyedService<IGrainStorage>(PostgresConfigurators.StorageName);
        var grainId = GrainId.Create("probe", $"stale-{Guid.NewGuid():N}");

        // First writes (no version yet): the unique index lets one insert win.
        await AssertOneWinsAsync(storage, grainId, "first a", "first b");
        // Updates from the same version: the version check lets one update win.
        var winner = await AssertOneWinsAsync(storage, grainId, "second a", "second b");

        var stored = await ReadAsync(storage, grainId);
        Assert.Equal(winner, stored.State?.Value);
        Assert.Equal("2", stored.ETag);

        // A clear from a stale version fails too, and leaves the state alone.
        var stale = new GrainState<ProbeState>(new ProbeState(), "1") { RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("probe", grainId, stale));
        Assert.Equal(winner, (await ReadAsync(storage, grainId)).State?.Value);
    }

    [Fact]
    public async Task A_reminder_ticks_and_keeps_ticking_on_the_survivor_after_its_silo_is_killed()
    {
        var key = $"ticking-{Guid.NewGuid():N}";
        var grain = _cluster.Cluster.Client.GetGrain<IProbeGrain>(key);
        await grain.StartTickingAsync(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => ReminderTicks.Of(key).Count >= 2, "two ticks");
        Assert.Equal(1L, await _cluster.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansRemindersTable WHERE GrainId LIKE @grain", ("grain", $"%{key}")));

        var holder = ReminderTicks.Of(key)[^1].Silo;
        var victim = _cluster.Cluster.Silos.Single(s => s.SiloAddress.ToString() == holder);
        var survivor = _cluster.Cluster.Silos.Single(s => s != victim).SiloAddress.ToString();
        await _cluster.Cluster.KillSiloAsync(victim);
        var killedAt = DateTime.UtcNow;

        await Eventually.TrueAsync(() => ReminderTicks.Of(key).Count(t => t.At > killedAt && t.Silo == survivor) >= 2,
            "two ticks on the survivor after the kill", FailoverLimit);
    }

    private static async Task<string> AssertOneWinsAsync(IGrainStorage storage, GrainId grainId, string a, string b)
    {
        var version = (await ReadAsync(storage, grainId)).ETag;
        var writes = new[] { a, b }.Select(async value =>
        {
            try
            {
                await storage.WriteStateAsync("probe", grainId, new GrainState<ProbeState>(new ProbeState { Value = value }, version));
                return value;
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        });
        return Assert.Single((await Task.WhenAll(writes)).OfType<string>());
    }

    private static async Task<GrainState<ProbeState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync("probe", grainId, state);
        return state;
    }
}
