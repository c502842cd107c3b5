using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace KnovvuOrleans.Grains.Streaming;

/// <summary>
/// Base of a durable stream's subscriber (key: the stream key; implicitly subscribed to its namespace). Each wake-up,
/// from the stream's notice, the redelivery agent or its own retry timer, handles the stream's waiting outbox events
/// in sequence order and removes them only once handled. A failure leaves them waiting and retries with back-off, so
/// an event is never skipped or overtaken by a later one of its stream, whatever the outage; a repeat carries the same
/// event id.
/// </summary>
public abstract class OutboxSubscriberGrain<T>(IEventOutbox outbox, IOptions<DurableStreamOptions> options, ILogger logger)
    : Grain, IOutboxSubscriberGrain, IStreamSubscriptionObserver, IAsyncObserver<OutboxAppended>
{
    private readonly DeliveredSequences _delivered = new(options.Value.BatchSize);
    private int _failures;

    // The next delivery: right after a notice or a wake-up, or after a back-off following a failure. At most one is
    // pending, and deliveries run as turns of their own, never inside the stream's delivery of a notice: the stream's
    // queue delivers notices one at a time, so a slow delivery (a tenant's failing topic) would hold up other streams.
    private IGrainTimer? _next;

    /// <summary>Handles consecutive events of the stream; throws to have them offered again later.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<StreamEvent<T>> events);

    protected abstract string StreamNamespace { get; }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<OutboxAppended>().ResumeAsync(this);

    /// <summary>
    /// A notice adds nothing while a delivery is pending (that delivery reads everything appended before it starts), nor
    /// when its events were handled already (it queued behind the delivery that read them).
    /// </summary>
    public Task OnNextAsync(OutboxAppended item, StreamSequenceToken? token = null) =>
        _delivered.Contains(item.LastSequence) ? Task.CompletedTask : Wake();

    public Task Wake()
    {
        if (_next is null)
        {
            Schedule(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    private async Task DeliverAsync()
    {
        _next?.Dispose();
        _next = null;
        var key = this.GetPrimaryKeyString();
        var batchSize = options.Value.BatchSize;
        try
        {
            IReadOnlyList<StoredOutboxEntry> batch;
            do
            {
                batch = await outbox.ReadAsync(StreamNamespace, key, batchSize, CancellationToken.None);
                if (batch.Count == 0)
                {
                    break;
                }

                await HandleAsync(batch.Select(e => new StreamEvent<T>(
                    e.EventId, e.PublishedAt, JsonSerializer.Deserialize<T>(e.Payload, DurableStreamPublisher.Json)!, e.TraceParent)).ToList());
                var sequences = batch.Select(e => e.Sequence).ToList();
                _delivered.Add(sequences);
                await outbox.AcknowledgeAsync(sequences, CancellationToken.None);
            }
            while (batch.Count == batchSize);

            _failures = 0;
        }
        catch (Exception exception)
        {
            _failures++;
            var delay = TimeSpan.FromMilliseconds(Math.Min(
                options.Value.RetryMaxDelay.TotalMilliseconds,
                options.Value.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(_failures - 1, 30))));
            logger.LogWarning(exception, "Delivery of stream {Namespace}/{Key} failed ({Failures} in a row); retrying in {Delay} ms",
                StreamNamespace, key, _failures, (int)delay.TotalMilliseconds);
            Schedule(delay);
        }
    }

    private void Schedule(TimeSpan delay) =>
        _next = this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
}
