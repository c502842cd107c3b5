using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using KnovvuOrleans.Runtime.Activation;
using KnovvuOrleans.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Runtime.Streams;

/// <summary>
/// Delivers outbox events to the implicit subscribers of their namespace. Each stream is worked by at most one
/// delivery at a time, in sequence order; a delivery that fails holds back only its own stream, with exponential
/// back-off, and is retried until it succeeds. Events are removed only after every subscriber accepted them, so a
/// crash leads to redelivery (same event ids), never to loss.
/// </summary>
internal sealed class OutboxRelay
{
    private static readonly MethodInfo BuildItemsMethod =
        typeof(OutboxRelay).GetMethod(nameof(BuildItems), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly GrainRuntime _runtime;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly ConcurrentDictionary<Type, Func<IReadOnlyList<StoredEvent>, JsonSerializerOptions, object>> _builders = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _slots;

    public OutboxRelay(GrainRuntime runtime)
    {
        _runtime = runtime;
        _slots = new SemaphoreSlim(runtime.Options.RelayMaxConcurrentStreams);
        runtime.EventsCommitted = Wake;
    }

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread woke it first; one wake-up is enough.
            }
        }
    }

    /// <summary>Relays the events of the partitions this silo owns, whichever they are at each poll.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = _runtime.Options;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(options.RelayPollInterval, cancellationToken);
                IReadOnlyList<StoredEvent> batch;
                do
                {
                    var partitions = _runtime.Directory.OwnedPartitions;
                    if (partitions.Count == 0)
                    {
                        break;
                    }

                    batch = await _runtime.Store.ReadPendingEventsAsync(
                        partitions, _inFlight.Keys.ToList(), _runtime.UtcNow, options.RelayBatchSize, cancellationToken);
                    foreach (var stream in batch.GroupBy(e => e.Stream))
                    {
                        await _slots.WaitAsync(cancellationToken);
                        if (!_inFlight.TryAdd(stream.Key, 0))
                        {
                            _slots.Release();
                            continue;
                        }

                        _ = DeliverAsync(stream.Key, [.. stream], cancellationToken);
                    }
                }
                while (batch.Count == options.RelayBatchSize && !cancellationToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                _runtime.Logger.LogWarning(exception, "Reading the outbox failed; retrying");
                await Task.Delay(options.RelayPollInterval, _runtime.Time, CancellationToken.None);
            }
        }

        // Let deliveries in progress finish or fail before the silo goes on stopping.
        for (var i = 0; i < options.RelayMaxConcurrentStreams; i++)
        {
            await _slots.WaitAsync(CancellationToken.None);
        }

        _slots.Release(options.RelayMaxConcurrentStreams);
    }

    private async Task DeliverAsync(string stream, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            var streamId = StreamId.Parse(stream);
            foreach (var subscriber in _runtime.Registry.SubscribersOf(streamId.Namespace))
            {
                var build = _builders.GetOrAdd(subscriber.ItemType,
                    t => BuildItemsMethod.MakeGenericMethod(t)
                        .CreateDelegate<Func<IReadOnlyList<StoredEvent>, JsonSerializerOptions, object>>());
                await _runtime.InvokeAsync(
                    new GrainId(subscriber.GrainClass.Name, streamId.Key),
                    GrainMethod.For(subscriber.Method),
                    [build(events, _runtime.Options.SerializerOptions)]);
            }

            _runtime.ThrowIfKilled();
            await _runtime.Store.AcknowledgeAsync(stream, events[^1].Sequence, CancellationToken.None);
            _failures.TryRemove(stream, out _);
        }
        catch (Exception exception) when (!_runtime.IsKilled)
        {
            await DeferAsync(stream, exception);
        }
        catch (Exception)
        {
            // Killed: a crashed silo does nothing more; the events stay in the outbox for the next owner.
        }
        finally
        {
            _inFlight.TryRemove(stream, out _);
            _slots.Release();
            if (!cancellationToken.IsCancellationRequested)
            {
                Wake();
            }
        }
    }

    private async Task DeferAsync(string stream, Exception exception)
    {
        var options = _runtime.Options;
        var failures = _failures.AddOrUpdate(stream, 1, (_, n) => n + 1);
        var backoff = Math.Min(
            options.RelayRetryMaxDelay.TotalMilliseconds,
            options.RelayRetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        var delay = TimeSpan.FromMilliseconds(backoff * (0.8 + (Random.Shared.NextDouble() * 0.4)));
        _runtime.Logger.LogWarning(exception,
            "Delivery of stream {Stream} failed ({Failures} in a row); retrying in {Delay} ms", stream, failures, (int)delay.TotalMilliseconds);
        try
        {
            await _runtime.Store.DeferStreamAsync(stream, _runtime.UtcNow + delay, exception.Message, CancellationToken.None);
        }
        catch (Exception deferFailure)
        {
            // The events are still in the outbox; they come back at the next poll.
            _runtime.Logger.LogWarning(deferFailure, "Recording the back-off of stream {Stream} failed", stream);
        }
    }

    private static object BuildItems<T>(IReadOnlyList<StoredEvent> events, JsonSerializerOptions json) =>
        events.Select(e => new SequentialItem<T>(
                JsonSerializer.Deserialize<T>(e.Payload, json)!,
                new StreamSequenceToken(e.Sequence, e.EventId, e.PublishedUtc)))
            .ToList();
}
