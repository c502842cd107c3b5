using System.ComponentModel.DataAnnotations;
using Confluent.Kafka;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>The librdkafka producer configuration that gives the Data Feeder its guarantees.</summary>
public static class KafkaDataFeederProducerConfig
{
    /// <summary>The properties (and their librdkafka aliases) that carry the guarantees; free-form settings cannot set them.</summary>
    private static readonly HashSet<string> Guarantees = new(StringComparer.OrdinalIgnoreCase)
    {
        "acks", "request.required.acks", "enable.idempotence", "enable.gapless.guarantee",
        "max.in.flight", "max.in.flight.requests.per.connection", "message.timeout.ms", "delivery.timeout.ms",
    };

    public static ProducerConfig Create(KafkaDataFeederOptions options)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var idempotent = options.EnableIdempotence && !options.LegacyBroker;
        // Free-form settings first, so that the guarantees below always win; their aliases are dropped, since with two
        // names for one property librdkafka would apply whichever came last.
        var config = new ProducerConfig(options.Settings.Where(s => !Guarantees.Contains(s.Key)).ToDictionary())
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = options.ClientId,
            Acks = Acks.All,
            EnableIdempotence = idempotent,
            // Without idempotence a retry behind a later request would reorder a key's events.
            MaxInFlight = idempotent ? 5 : 1,
            LingerMs = options.LingerMs,
            // Never: a message that timed out leaves a gap in its partition that later messages of the same key fill,
            // so the outbox's resend would land after them. A publish stops waiting after PublishTimeoutMs instead,
            // leaving its records queued in order (see KafkaDataFeederConnector).
            MessageTimeoutMs = 0,
            // Java clients' partitioner: a key lands in the same partition whichever client produced it.
            Partitioner = Partitioner.Murmur2Random,
            // Delivery reports are only checked for an error: nothing is copied back from librdkafka.
            DeliveryReportFields = "none",
        };
        if (idempotent)
        {
            // Any other failure that could leave a gap (a batch the broker refused for good) stops the producer: every
            // later message then fails too, and the connector replaces the producer.
            config.EnableGaplessGuarantee = true;
        }

        if (options.LegacyBroker)
        {
            config.ApiVersionRequest = false;
            config.BrokerVersionFallback = "0.9.0.1";
        }

        return config;
    }
}
