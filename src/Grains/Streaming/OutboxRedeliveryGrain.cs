using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.Streaming;

/// <summary>
/// Wakes the subscribers of streams whose events have waited too long: their notice was lost with a silo, or their
/// subscriber's activation (and its retry timer) died. It runs on an Orleans reminder, so it fires on a live silo.
/// </summary>
[GrainType("outbox-redelivery")]
public sealed class OutboxRedeliveryGrain(
    IEventOutbox outbox,
    DurableStreamSubscribers subscribers,
    IOptions<DurableStreamOptions> options,
    ILogger<OutboxRedeliveryGrain> logger) : Grain, IOutboxRedeliveryGrain, IRemindable
{
    private const string ReminderName = "redeliver";
    private const int StreamsPerTick = 1000;

    public async Task Start() =>
        await this.RegisterOrUpdateReminder(ReminderName, options.Value.RedeliveryPeriod, options.Value.RedeliveryPeriod);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var streams = await outbox.WaitingStreamsAsync(options.Value.RedeliveryAge, StreamsPerTick, CancellationToken.None);
        foreach (var stream in streams)
        {
            if (subscribers.For(GrainFactory, stream) is { } subscriber)
            {
                await subscriber.Wake();
            }
            else
            {
                logger.LogError("No subscriber for durable stream namespace {Namespace}; its events wait", stream.Namespace);
            }
        }

        if (streams.Count > 0)
        {
            logger.LogInformation("Redelivery: woke the subscribers of {Streams} streams with events waiting", streams.Count);
        }
    }
}
