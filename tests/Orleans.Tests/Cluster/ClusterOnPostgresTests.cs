using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>
/// Two of the product's silos (<see cref="KnovvuTestCluster"/>: its membership tuning, JSON grain state, ADO.NET
/// providers, the schema migrated at silo start) whose membership, grain state and reminders live in PostgreSQL:
/// each test on a fresh database and cluster.
/// </summary>
public sealed class ClusterOnPostgresTests : IAsyncLifetime
{
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(60);

    private KnovvuTestCluster _cluster = null!;

    // The product's silo requires a Kafka endpoint for the Data Feeder at start, though nothing here feeds data.
    public async Task InitializeAsync() => _cluster = await KnovvuTestCluster.StartAsync(2, new Dictionary<string, string?>
    {
        ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private string Database => _cluster.Database.ConnectionString;

    [Fact]
    public async Task Both_silos_are_active_in_the_membership_table_and_a_killed_one_is_declared_dead_then_cleaned_up()
    {
        var silos = _cluster.Silos.ToList();
        var clusterId = KnovvuTestCluster.ServicesOf(silos[0]).GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;
        var expected = silos.Select(MembershipKey).Order().ToList();
        await Eventually.TrueAsync(async () =>
        {
            var rows = await OrleansTables.MembershipAsync(Database, clusterId);
            return rows.Keys.Order().SequenceEqual(expected) && rows.Values.All(status => status == OrleansTables.Active);
        }, "both silos Active in OrleansMembershipTable");
        Assert.True(await OrleansTables.ScalarAsync<int>(Database,
            "SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = @cluster", ("cluster", clusterId)) >= 2,
            "each join bumps the table version");

        var (victim, survivor) = (silos[0], silos[1]);
        await _cluster.KillAsync(victim);
        await Eventually.TrueAsync(
            async () => (await OrleansTables.MembershipAsync(Database, clusterId))[MembershipKey(victim)] == OrleansTables.Dead,
            "the killed silo declared Dead", FailoverLimit);

        // The per-row cleanup query (CleanupDefunctSiloEntryKey) removes the dead row and leaves the live one.
        var membership = KnovvuTestCluster.ServicesOf(survivor).GetRequiredService<IMembershipTable>();
        await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        var left = await OrleansTables.MembershipAsync(Database, clusterId);
        Assert.Equal([MembershipKey(survivor)], left.Keys);
        Assert.Equal(OrleansTables.Active, left.Values.Single());
    }

    [Fact]
    public async Task State_written_on_one_silo_is_read_back_on_the_other_after_its_silo_is_killed()
    {
        var key = $"state-{Guid.NewGuid():N}";
        var grain = _cluster.Client.GetGrain<IProbeGrain>(key);
        await grain.WriteAsync("written before the kill");
        var victim = await _cluster.SiloOfAsync(grain);
        var survivor = _cluster.Silos.Single(s => s != victim).SiloAddress.ToString();

        await _cluster.KillAsync(victim);

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
        Assert.Equal(1L, await OrleansTables.ScalarAsync<long>(Database,
            "SELECT count(*) FROM OrleansStorage WHERE PayloadBinary IS NOT NULL AND GrainIdExtensionString LIKE @grain",
            ("grain", $"%{key}")));
    }

    [Fact]
    public async Task Of_two_concurrent_writes_from_the_same_version_one_fails_with_InconsistentStateException()
    {
        var storage = KnovvuTestCluster.ServicesOf(_cluster.Silos[0])
            .GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
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
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(ProbeGrain.StateName, grainId, stale));
        Assert.Equal(winner, (await ReadAsync(storage, grainId)).State?.Value);
    }

    [Fact]
    public async Task A_reminder_ticks_and_keeps_ticking_on_the_survivor_after_its_silo_is_killed()
    {
        var key = $"ticking-{Guid.NewGuid():N}";
        var grain = _cluster.Client.GetGrain<IProbeGrain>(key);
        await grain.StartTickingAsync(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => ReminderTicks.Of(key).Count >= 2, "two ticks");
        Assert.Equal(1L, await OrleansTables.ScalarAsync<long>(Database,
            "SELECT count(*) FROM OrleansRemindersTable WHERE GrainId LIKE @grain", ("grain", $"%{key}")));

        var holder = ReminderTicks.Of(key)[^1].Silo;
        var victim = _cluster.Silos.Single(s => s.SiloAddress.ToString() == holder);
        var survivor = _cluster.Silos.Single(s => s != victim).SiloAddress.ToString();
        await _cluster.KillAsync(victim);
        var killedAt = DateTime.UtcNow;

        await Eventually.TrueAsync(() => ReminderTicks.Of(key).Count(t => t.At > killedAt && t.Silo == survivor) >= 2,
            "two ticks on the survivor after the kill", FailoverLimit);
    }

    private static string MembershipKey(SiloHandle silo) =>
        $"{silo.SiloAddress.Endpoint.Address}:{silo.SiloAddress.Endpoint.Port}:{silo.SiloAddress.Generation}";

    private static async Task<string> AssertOneWinsAsync(IGrainStorage storage, GrainId grainId, string a, string b)
    {
        var version = (await ReadAsync(storage, grainId)).ETag;
        var writes = new[] { a, b }.Select(async value =>
        {
            try
            {
                await storage.WriteStateAsync(ProbeGrain.StateName, grainId,
                    new GrainState<ProbeState>(new ProbeState { Value = value }, version));
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
        await storage.ReadStateAsync(ProbeGrain.StateName, grainId, state);
        return state;
    }
}
