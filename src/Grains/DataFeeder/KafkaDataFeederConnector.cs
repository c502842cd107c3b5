using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// The Kafka connector: one producer shared by all tenants, each tenant's events on its own topic, keyed by the
/// conversation's externalId, with headers <c>event-id</c>, <c>event-type</c>, <c>tenant-id</c>, for a traced event the
/// W3C <c>traceparent</c> of its producer span, and <c>replay-id</c> on events a replay sends again. A publish returns
/// when every record is acknowledged by all in-sync replicas, and fails when one is refused or the acknowledgements take
/// longer than <see cref="KafkaDataFeederOptions.PublishTimeoutMs"/>; records that timed out stay queued in the producer
/// (it never drops a message on a timer) and a publish of the same events waits for them first, so a retry neither
/// overtakes nor piles up copies. Message bodies and settings are never logged.
/// </summary>
public sealed class KafkaDataFeederConnector : IDataFeederConnector, IDisposable
{
    public const string EventIdHeader = "event-id";
    public const string EventTypeHeader = "event-type";
    public const string TenantIdHeader = "tenant-id";
    public const string ReplayIdHeader = "replay-id";
    public const string TraceParentHeader = "traceparent";

    private readonly ProducerConfig _config;
    private readonly TimeSpan _publishTimeout;
    private readonly bool _sendHeaders;
    // Records handed to a producer whose delivery reports have not all come, by event id: the batch that sent them.
    private readonly ConcurrentDictionary<Guid, KafkaBatchDelivery> _inFlight = new();
    private readonly ILogger<KafkaDataFeederConnector> _logger;
    private readonly Lock _replacing = new();
    private volatile SharedProducer _current;

    public KafkaDataFeederConnector(IOptions<KafkaDataFeederOptions> options, ILogger<KafkaDataFeederConnector> logger)
    {
        _config = KafkaDataFeederProducerConfig.Create(options.Value);
        _publishTimeout = TimeSpan.FromMilliseconds(options.Value.PublishTimeoutMs);
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
        await EarlierCopiesSettledAsync(topic, records, cancellationToken);
        var delivery = new KafkaBatchDelivery(records.Count);
        foreach (var record in records)
        {
            _inFlight[record.EventId] = delivery;
        }

        _ = delivery.Completed.ContinueWith(_ => Forget(records, delivery), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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

        try
        {
            await delivery.Completed.WaitAsync(_publishTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Data Feeder batch to topic {Topic} failed: {Count} records not acknowledged within {Timeout} ms (they stay queued in order)",
                topic, records.Count, (int)_publishTimeout.TotalMilliseconds);
            throw new DataFeederPublishException(
                $"The records were not acknowledged by topic '{topic}' within {(int)_publishTimeout.TotalMilliseconds} ms (timed out); they stay queued in the producer.");
        }

        if (delivery.Failure() is { } failure)
        {
            _logger.LogWarning("Data Feeder batch to topic {Topic} failed: {Failed} of {Count} records not acknowledged ({Reason})",
                topic, failure.Failed, records.Count, failure.Reason);
            throw new DataFeederPublishException(
                $"{failure.Failed} of {records.Count} records were not acknowledged by topic '{topic}': {failure.Reason}",
                failure.Exception);
        }
    }

    /// <summary>
    /// Waits until no earlier copy of these records is still queued or in flight (a publish that timed out or was
    /// cancelled), so that sending them again adds at most one copy per retry instead of one per attempt.
    /// </summary>
    private async Task EarlierCopiesSettledAsync(string topic, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken)
    {
        var earlier = records
            .Select(r => _inFlight.TryGetValue(r.EventId, out var pending) ? pending : null)
            .OfType<KafkaBatchDelivery>()
            .Distinct()
            .Select(d => d.Completed)
            .ToList();
        if (earlier.Count == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(earlier).WaitAsync(_publishTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Data Feeder batch to topic {Topic} not sent again: an earlier copy is still not acknowledged after {Timeout} ms",
                topic, (int)_publishTimeout.TotalMilliseconds);
            throw new DataFeederPublishException(
                $"An earlier copy of these records is still waiting for topic '{topic}' after {(int)_publishTimeout.TotalMilliseconds} ms (timed out).");
        }
    }

    private void Forget(IReadOnlyList<DataFeederRecord> records, KafkaBatchDelivery delivery)
    {
        foreach (var record in records)
        {
            _inFlight.TryRemove(new KeyValuePair<Guid, KafkaBatchDelivery>(record.EventId, delivery));
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
        if (record.ReplayId is { } replayId)
        {
            headers.Add(ReplayIdHeader, Encoding.UTF8.GetBytes(replayId));
        }

        if (traceParent is not null)
        {
            headers.Add(TraceParentHeader, Encoding.UTF8.GetBytes(traceParent));
        }

        return headers;
    }
}
