using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using KnovvuOrleans.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace KnovvuOrleans.Grains.Streaming;

/// <summary>
/// Publishes to a durable stream: the events go to the outbox first (the commit point: from then on they reach the
/// subscriber, in order, however often silos die or the subscriber fails), with the trace context of the call that
/// publishes them unless they carry their own, then a notice goes over the Orleans stream to wake the subscriber. A notice
/// that is lost only delays the events until the redelivery agent finds them. A caller that appends the events itself,
/// in the same commit as what raised them, builds them with <see cref="Entries{T}"/> and then calls <see cref="NotifyAsync"/>.
/// </summary>
public sealed class DurableStreamPublisher(IEventOutbox outbox, IServiceProvider services, ILogger<DurableStreamPublisher> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PublishAsync<T>(string streamNamespace, string streamKey, IReadOnlyList<StreamEvent<T>> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var last = await outbox.AppendAsync(streamNamespace, streamKey, Entries(events), CancellationToken.None);
        await NotifyAsync(streamNamespace, streamKey, last);
    }

    /// <summary>The outbox entries of the events, with the trace context of the current call unless they carry their own.</summary>
    public static IReadOnlyList<OutboxEntry> Entries<T>(IReadOnlyList<StreamEvent<T>> events) =>
        events.Select(e => new OutboxEntry(e.EventId, e.PublishedAt, JsonSerializer.Serialize(e.Item, Json),
            e.TraceParent ?? KnovvuTracing.CurrentTraceParent())).ToList();

    /// <summary>Wakes the stream's subscriber once events are in the outbox, up to sequence <paramref name="last"/>.</summary>
    public async Task NotifyAsync(string streamNamespace, string streamKey, long last)
    {
        try
        {
            await services.GetRequiredKeyedService<IStreamProvider>(DurableStreamOptions.ProviderName)
                .GetStream<OutboxAppended>(StreamId.Create(streamNamespace, streamKey))
                .OnNextAsync(new OutboxAppended(last));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Notice of stream {Namespace}/{Key} not sent; the redelivery agent will offer its events",
                streamNamespace, streamKey);
        }
    }
}
