using KnovvuOrleans.Grains.DataFeeder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.DataFeeder.Tests.Connector;

internal static class Connectors
{
    public static KafkaDataFeederConnector Create(string bootstrapServers, Action<KafkaDataFeederOptions>? configure = null, ILogger<KafkaDataFeederConnector>? logger = null)
    {
        var options = new KafkaDataFeederOptions { BootstrapServers = bootstrapServers };
        configure?.Invoke(options);
        return new KafkaDataFeederConnector(Options.Create(options), logger ?? NullLogger<KafkaDataFeederConnector>.Instance);
    }

    /// <summary>A topic no other test or run uses; the endpoint creates it on first use (4 partitions on the mock).</summary>
    public static string NewTopic(string purpose) => $"datafeeder-{purpose}-{Guid.NewGuid():N}";
}
