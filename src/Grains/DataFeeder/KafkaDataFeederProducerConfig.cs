using System.ComponentModel.DataAnnotations;
using Confluent.Kafka;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>The librdkafka producer configuration that gives the Data Feeder its guarantees.</summary>
public static class KafkaDataFeederProducerConfig
{
    public static ProducerConfig Create(KafkaDataFeederOptions options)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var idempotent = options.EnableIdempotence && !options.LegacyBroker;
        // Free-form settings first, so that the guarantees below always win.
        var config = new ProducerConfig(new Dictionary<string, string>(options.Settings))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = options.ClientId,
            Acks = Acks.All,
            EnableIdempotence = idempotent,
            // Without idempotence a retry behind a later request would reorder a key's events.
            MaxInFlight = idempotent ? 5 : 1,
            LingerMs = options.LingerMs,
            MessageTimeoutMs = options.MessageTimeoutMs,
            // Java clients' partitioner: a key lands in the same partition whichever client produced it.
            Partitioner = Partitioner.Murmur2Random,
            // Delivery reports are only checked for an error: nothing is copied back from librdkafka.
            DeliveryReportFields = "none",
        };
        if (options.LegacyBroker)
        {
            config.ApiVersionRequest = false;
            config.BrokerVersionFallback = "0.9.0.1";
        }

        return config;
    }
}
