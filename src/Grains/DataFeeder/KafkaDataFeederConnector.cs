using System.Text;
using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// The Kafka connector: one producer shared by all tenants, each tenant's events on its own topic, keyed by the
/// conversation's externalId, with headers <c>event-id</c>, <c>event-type</c>, <c>tenant-id</c> and, for a traced event, the
/// W3C <c>traceparent</c> of its producer span. A publish returns
/// when every record is acknowledged by all in-sync replicas. Message bodies and settings are never logged.
/// </summary>
public sealed class KafkaDataFeederConnector : IDataFeederConnector, IDisposable
{
    public const string EventIdHeader = "event-id";
    public const string EventTypeHeader = "event-type";
    public const string TenantIdHeader = "tenant-id";
    public const string TraceParentHeader = "traceparent";

    private readonly ProducerConfig _config;
    private readonly bool _sendHeaders;
    private readonly ILogger<KafkaDataFeederConnector> _logger;
    private readonly Lock _replacing = new();
    private volatile SharedProducer _current;

    public KafkaDataFeederConnector(IOptions<KafkaDataFeederOptions> options, ILogger<KafkaDataFeederConnector> logger)
    {
        _config = KafkaDataFeederProducerConfig.Create(options.Value);
        _sendHeaders = !options.Value.LegacyBroker;
        _logger = logger;
        _current = new SharedProducer(_config, logger);
    }

    public async Task PublishAsync(DataFeederDestination destination, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var producer = Acquire();
        try
        {
            await PublishAsync(producer.Producer, destination.Topic, records, cancellationToken);
        }
        finally
        {
            producer.Release();
        }
    }

    public void Dispose() => _current.Retire();

    private async Task PublishAsync(IProducer<string, byte[]> producer, string topic, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken)
    {
        var delivery = new KafkaBatchDelivery(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                await ProduceAsync(producer, topic, records[i], delivery, cancellationToken);
            }
            catch (Exception e)
            {
                // Records already handed over are still in flight: wait for them, so that a retry of the batch never
                // races its own first attempt.
                delivery.NotProduced(records.Count - i, e);
                break;
            }
        }

        await delivery.Completed.WaitAsync(cancellationToken);
        if (delivery.Failure() is { } failure)
        {
            _logger.LogWarning("Data Feeder batch to topic {Topic} failed: {Failed} of {Count} records not acknowledged ({Reason})",
                topic, failure.Failed, records.Count, failure.Reason);
            throw new DataFeederPublishException(
                $"{failure.Failed} of {records.Count} records were not acknowledged by topic '{topic}': {failure.Reason}",
                failure.Exception);
        }
    }

    private async Task ProduceAsync(IProducer<string, byte[]> producer, string topic, DataFeederRecord record, KafkaBatchDelivery delivery, CancellationToken cancellationToken)
    {
        using var span = DataFeederTracing.StartSend(topic, record);
        var message = new Message<string, byte[]> { Key = record.Key, Value = record.Body, Headers = HeadersOf(record, span?.Id ?? record.TraceParent) };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                producer.Produce(topic, message, delivery.OnReport);
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // The shared local queue is full (many tenants at once): let deliveries drain it, then try again.
                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            }
        }
    }

    private SharedProducer Acquire()
    {
        while (true)
        {
            var current = _current;
            if (current.IsFatal)
            {
                lock (_replacing)
                {
                    if (_current == current)
                    {
                        _logger.LogWarning("Replacing the Kafka producer after a fatal error");
                        _current = new SharedProducer(_config, _logger);
                        current.Retire();
                    }
                }
            }
            else if (current.TryAcquire())
            {
                return current;
            }
        }
    }

    private Headers? HeadersOf(DataFeederRecord record, string? traceParent)
    {
        if (!_sendHeaders)
        {
            return null;
        }

        var headers = new Headers
        {
            { EventIdHeader, Encoding.UTF8.GetBytes(record.EventId.ToString("D")) },
            { EventTypeHeader, Encoding.UTF8.GetBytes(record.EventType) },
            { TenantIdHeader, Encoding.UTF8.GetBytes(record.TenantId) },
        };
        if (traceParent is not null)
        {
            headers.Add(TraceParentHeader, Encoding.UTF8.GetBytes(traceParent));
        }

        return headers;
    }
}
