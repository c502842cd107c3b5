using System.Text;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>
/// Grain state is stored by System.Text.Json (<see cref="Hosting.JsonGrainStateSerializer"/>), which names no .NET
/// type: renaming or moving a state type must not orphan the rows already stored.
/// </summary>
public sealed class StoredStateFormatTests
{
    [Fact]
    public async Task A_stored_state_row_names_no_dotnet_type_and_reads_back_into_a_renamed_type()
    {
        await using var cluster = await KnovvuTestCluster.StartAsync(1, new Dictionary<string, string?>
        {
            ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
        });
        var services = KnovvuTestCluster.ServicesOf(cluster.Silos[0]);
        var key = $"renamed-{Guid.NewGuid():N}";
        var grain = cluster.Client.GetGrain<IVersionedStateGrain>(key);
        var written = new ProbeStateV1("acme", 3, ["vip", "tr-TR"]);

        await grain.WriteAsync(written);

        var payload = Encoding.UTF8.GetString(await OrleansTables.ScalarAsync<byte[]>(cluster.Database.ConnectionString,
            "SELECT PayloadBinary FROM OrleansStorage WHERE GrainIdExtensionString LIKE @grain", ("grain", $"%{key}")));
        // The check has teeth: the serializer Orleans' ADO.NET storage takes unless told otherwise (the silo's
        // IGrainStorageSerializer, Newtonsoft with type names) puts the type's name into the same state.
        var orleansDefault = services.GetRequiredService<IGrainStorageSerializer>().Serialize(written).ToString();
        Assert.Contains(nameof(ProbeStateV1), orleansDefault);
        Assert.DoesNotContain(nameof(ProbeStateV1), payload);
        Assert.DoesNotContain(typeof(ProbeStateV1).Namespace!, payload);
        Assert.DoesNotContain("$type", payload);

        // Read through the silo's own grain storage, as the grain would after the rename.
        var storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var renamed = new GrainState<RenamedProbeState>();
        await storage.ReadStateAsync(VersionedStateGrain.StateName, grain.GetGrainId(), renamed);
        Assert.True(renamed.RecordExists);
        var readBack = Assert.IsType<RenamedProbeState>(renamed.State);
        Assert.Equal((written.Name, written.Visits), (readBack.Name, readBack.Visits));
        Assert.Equal(written.Tags, readBack.Tags);
    }
}
