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
    private int _failures;
    private IGrainTimer? _retry;
    private bool _drainQueued;

    /// <summary>Handles consecutive events of the stream; throws to have them offered again later.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<StreamEvent<T>> events);

    protected abstract string StreamNamespace { get; }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<OutboxAppended>().ResumeAsync(this);

    /// <summary>
    /// Queues a drain as a turn of its own instead of draining here: the stream's queue delivers its notices one at a
    /// time, so a slow delivery (a tenant's failing topic) must not hold up the notices of other streams. Notices that
    /// arrive while a drain is queued add nothing: that drain reads everything appended before it starts.
    /// </summary>
    public Task OnNextAsync(OutboxAppended item, StreamSequenceToken? token = null)
    {
        if (!_drainQueued)
        {
            _drainQueued = true;
            // Not awaited: the queued drain runs only after this delivery's turn, which would otherwise wait for it.
            this.AsReference<IOutboxSubscriberGrain>().Drain().Ignore();
        }

        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public async Task Drain()
    {
        _drainQueued = false;
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
                    e.EventId, e.PublishedAt, JsonSerializer.Deserialize<T>(e.Payload, DurableStreamPublisher.Json)!)).ToList());
                await outbox.AcknowledgeAsync(batch.Select(e => e.Sequence).ToList(), CancellationToken.None);
            }
            while (batch.Count == batchSize);

            _failures = 0;
            _retry?.Dispose();
            _retry = null;
        }
        catch (Exception exception)
        {
            _failures++;
            var delay = TimeSpan.FromMilliseconds(Math.Min(
                options.Value.RetryMaxDelay.TotalMilliseconds,
                options.Value.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(_failures - 1, 30))));
            logger.LogWarning(exception, "Delivery of stream {Namespace}/{Key} failed ({Failures} in a row); retrying in {Delay} ms",
                StreamNamespace, key, _failures, (int)delay.TotalMilliseconds);
            _retry?.Dispose();
            _retry = this.RegisterGrainTimer(Drain, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
        }
    }
}
