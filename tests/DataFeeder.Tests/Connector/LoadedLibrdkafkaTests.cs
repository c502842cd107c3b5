using Confluent.Kafka;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Simulators.Kafka;

namespace KnovvuOrleans.DataFeeder.Tests.Connector;

/// <summary>
/// The process runs librdkafka.redist's own library (its glibc-only build, put in place by build/Librdkafka.targets),
/// never a system librdkafka, and the mock cluster is the same library.
/// </summary>
public sealed class LoadedLibrdkafkaTests
{
    private static readonly string RedistFile = Path.Combine("runtimes", "linux-x64", "native", "librdkafka.so");

    [Fact]
    public void The_test_process_runs_librdkafka_2_16_from_the_applications_own_folder()
    {
        var loaded = LoadedLibrdkafka.Current();

        Assert.StartsWith("2.16.", loaded.Version, StringComparison.Ordinal);
        Assert.StartsWith("2.16.", Library.VersionString, StringComparison.Ordinal);
        Assert.Equal(RedistFile, loaded.File);
        Assert.True(loaded.IsApplicationCopy);
    }

    [Fact]
    public void The_mock_cluster_runs_on_the_very_library_Confluent_Kafka_loaded()
    {
        using var cluster = MockKafkaCluster.Start();

        Assert.Equal(Library.VersionString, MockKafkaCluster.LibrdkafkaVersion);
        var rdkafkaFiles = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].Contains("rdkafka", StringComparison.Ordinal))
            .Select(fields => fields[5].Trim())
            .Distinct();
        Assert.Equal([Path.Combine(AppContext.BaseDirectory, RedistFile)], rdkafkaFiles);
    }
}
