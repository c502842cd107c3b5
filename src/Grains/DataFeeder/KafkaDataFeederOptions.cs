using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// The Kafka cluster all tenants' Data Feeder topics live on (configuration section <see cref="SectionName"/>).
/// Acknowledgement by all in-sync replicas is not a setting: an event the connector reports as delivered must survive
/// the loss of a broker.
/// </summary>
public sealed class KafkaDataFeederOptions
{
    public const string SectionName = "DataFeeder:Kafka";

    /// <summary>host:port[,host:port…].</summary>
    [Required(ErrorMessage = "DataFeeder:Kafka:BootstrapServers must be set.")]
    public string BootstrapServers { get; set; } = "";

    public string ClientId { get; set; } = "knovvu-data-feeder";

    /// <summary>
    /// The idempotent producer: a retried send is never written twice and order per partition holds across retries.
    /// Off only for brokers that refuse it (no IdempotentWrite permission); then one request is in flight per
    /// connection, which keeps the order.
    /// </summary>
    public bool EnableIdempotence { get; set; } = true;

    /// <summary>
    /// A Kafka 0.9/0.10 broker: no ApiVersion request (0.9.0.1 protocol assumed), no headers (the event id, type and
    /// tenant travel only in the body and key then) and no idempotence, whatever <see cref="EnableIdempotence"/> says.
    /// </summary>
    public bool LegacyBroker { get; set; }

    /// <summary>How long a send waits to fill a batch; small, because relays await every delivery.</summary>
    [Range(0, 900_000, ErrorMessage = "DataFeeder:Kafka:LingerMs must be between 0 and 900000.")]
    public int LingerMs { get; set; } = 5;

    /// <summary>
    /// How long a publish waits for its acknowledgements before it fails (and the outbox offers the batch again). The
    /// records stay queued in the producer, which never gives up on a message (no librdkafka message timeout: a
    /// timeout could leave a gap that a later event of the same key fills first), and arrive in order once the broker
    /// answers; the retry waits for those copies before it sends its own. See docs/kafka.md.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "DataFeeder:Kafka:PublishTimeoutMs must be positive.")]
    public int PublishTimeoutMs { get; set; } = 30_000;

    /// <summary>
    /// Further librdkafka properties (security.protocol, sasl.*, ssl.*, compression.type…); they cannot change the
    /// delivery and ordering guarantees (acks, idempotence, requests in flight, message timeout). Never logged.
    /// </summary>
    public Dictionary<string, string> Settings { get; set; } = [];
}
