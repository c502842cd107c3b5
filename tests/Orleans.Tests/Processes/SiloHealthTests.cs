using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KnovvuOrleans.Orleans.Tests.Processes;

/// <summary>The silo host as deployed reports which librdkafka it runs: librdkafka.redist's own 2.16, in its health details.</summary>
[Collection(SiloProcessCollection.Name)]
public sealed class SiloHealthTests
{
    [Fact]
    public async Task A_silo_process_is_ready_and_its_details_name_librdkafka_2_16_from_its_own_folder()
    {
        await using var cluster = await SiloProcessCluster.StartAsync(silos: 1, TimeSpan.FromSeconds(10));
        // Active in the membership table comes before Kestrel listens.
        await cluster.Silos[0].WaitReadyAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient();

        var ready = (await http.GetFromJsonAsync<JsonNode>($"http://127.0.0.1:{cluster.Silos[0].HttpPort}/health/ready"))!;

        Assert.Equal("Healthy", ready["checks"]!["kafka-client"]!.GetValue<string>());
        var kafkaClient = ready["details"]!["kafka-client"]!;
        Assert.StartsWith("2.16.", kafkaClient["librdkafkaVersion"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Path.Combine("runtimes", "linux-x64", "native", "librdkafka.so"), kafkaClient["librdkafkaFile"]!.GetValue<string>());
    }
}
