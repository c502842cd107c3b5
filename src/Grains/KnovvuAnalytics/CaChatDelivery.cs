using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.Telemetry;
using KnovvuOrleans.Grains.VirtualAgent;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// The chats of one run: published sessions of the ready projects, oldest first, within the hourly cap, sent by
/// <see cref="CaSyncOptions.Concurrency"/> workers. Each chat has its own fate: acknowledged, it is marked at once;
/// refused for good, it is parked with CA's reason; failed through all of the client's retries, it waits its own
/// back-off while the others go on. An open breaker pauses every worker until it lets a call through again. The
/// run ends when nothing is left, the cap is used up, or <see cref="CaSyncOptions.RunTimeLimit"/> has passed.
/// </summary>
internal sealed class CaChatDelivery(
    string tenantId,
    CaConnection connection,
    IConversationLog log,
    KnovvuAnalyticsClient client,
    CaHourlyCap cap,
    CaSyncOptions options,
    KnovvuMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Channel<Pending> _ready = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, byte> _held = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Lock _pauseLock = new();
    private DateTimeOffset _pausedUntil;
    private int _active;
    private int _sent;
    private int _parked;

    public int Sent => _sent;

    public int Parked => _parked;

    /// <summary>Set when CA refused the tenant's credentials: nothing can go until they change.</summary>
    public string? StoppedBecause { get; private set; }

    /// <summary>How many to read ahead of the workers; enough to keep them busy, few enough to read again soon.</summary>
    private int Window => options.Concurrency * 16;

    public async Task RunAsync(IReadOnlyList<string> projectIds, CancellationToken cancellationToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run.CancelAfter(options.RunTimeLimit);
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(() => WorkAsync(run))).ToArray();
        try
        {
            await FeedAsync(projectIds, run.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The run's time is up (or the tenant's credentials were refused): what is held goes at the next run.
        }
        finally
        {
            _ready.Writer.TryComplete();
            await run.CancelAsync();
            await Task.WhenAll(workers);
            cap.GiveBack(_held.Count);
            await cap.ReturnUnusedAsync();
        }
    }

    private async Task FeedAsync(IReadOnlyList<string> projectIds, CancellationToken cancellationToken)
    {
        var sourceDone = false;
        while (true)
        {
            var room = Window - Volatile.Read(ref _active);
            if (!sourceDone && room > 0)
            {
                var granted = await cap.TakeAsync(room);
                if (granted == 0)
                {
                    sourceDone = true;
                }
                else
                {
                    var page = await log.ReadUnsentToCaAsync(tenantId, projectIds, _held.Keys.ToArray(), granted, cancellationToken);
                    cap.GiveBack(granted - page.Count);
                    sourceDone = page.Count == 0;
                    foreach (var record in page)
                    {
                        _held[record.ExternalId] = 0;
                        Interlocked.Increment(ref _active);
                        _ready.Writer.TryWrite(new Pending(record, 0));
                    }

                    if (page.Count == granted)
                    {
                        continue;
                    }
                }
            }

            if (sourceDone && _held.IsEmpty)
            {
                return;
            }

            await _changed.WaitAsync(cancellationToken);
        }
    }

    private async Task WorkAsync(CancellationTokenSource run)
    {
        var cancellationToken = run.Token;
        try
        {
            await foreach (var pending in _ready.Reader.ReadAllAsync(cancellationToken))
            {
                await WaitWhileBreakerOpenAsync(cancellationToken);
                await SendAsync(pending, run);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over; what this worker held goes at the next run.
        }
        catch (Exception unexpected)
        {
            // Not CA's answer (the conversation log failed, say): the run stops; the next one starts over.
            StoppedBecause = unexpected.Message;
            logger.LogWarning(unexpected, "VA → CA run of tenant {Tenant} stopped", tenantId);
            await run.CancelAsync();
        }
    }

    private async Task SendAsync(Pending pending, CancellationTokenSource run)
    {
        var record = pending.Record;
        var session = JsonSerializer.Deserialize<VaSession>(record.Document, Json)!;
        // Under the trace the session was recorded in: its CA request (HttpClient's span) joins that trace.
        using var span = record.TraceParent is null ? null : KnovvuTracing.StartUnder(record.TraceParent, "send session to CA", ActivityKind.Internal);
        try
        {
            await client.SendChatAsync(connection, VaToCaMapping.ToChat(tenantId, session, record.IsCall), run.Token);
        }
        catch (BrokenCircuitException open)
        {
            // The breaker refused without sending: pause everyone until it lets a call through, then this chat again.
            Pause(open.RetryAfter ?? TimeSpan.FromSeconds(1));
            _ready.Writer.TryWrite(pending);
            return;
        }
        catch (CaRequestRejectedException refused) when (refused.Status == HttpStatusCode.Unauthorized)
        {
            // The tenant's credentials, not this chat: nothing can go until the settings change.
            StoppedBecause = refused.Message;
            Resolve(record, sent: false);
            await run.CancelAsync();
            return;
        }
        catch (CaRequestRejectedException refused)
        {
            await log.ParkForCaAsync(tenantId, record.ExternalId, refused.Message, CancellationToken.None);
            Interlocked.Increment(ref _parked);
            metrics.CaRefused(tenantId);
            logger.LogWarning("CA refused session {Session} of tenant {Tenant} for good; parked: {Reason}", record.ExternalId, tenantId, refused.Message);
            Resolve(record, sent: false);
            return;
        }
        catch (Exception failure) when (!run.IsCancellationRequested)
        {
            RetryLater(pending, failure, run.Token);
            return;
        }

        // Acknowledged: marked at once, whatever happens to the rest of the run.
        await log.MarkSentToCaAsync(tenantId, record.ExternalId, CancellationToken.None);
        Interlocked.Increment(ref _sent);
        metrics.SentToCa(tenantId);
        Resolve(record, sent: true);
    }

    private void RetryLater(Pending pending, Exception failure, CancellationToken cancellationToken)
    {
        var delay = Backoff(pending.Failures);
        logger.LogInformation("Session {Session} of tenant {Tenant} failed ({Reason}); again in {Delay}",
            pending.Record.ExternalId, tenantId, failure.Message, delay);
        Interlocked.Decrement(ref _active);
        _changed.Release();
        _ = Task.Delay(delay, time, cancellationToken).ContinueWith(waited =>
        {
            if (!waited.IsCanceled)
            {
                Interlocked.Increment(ref _active);
                _ready.Writer.TryWrite(pending with { Failures = pending.Failures + 1 });
            }
        }, TaskScheduler.Default);
    }

    private TimeSpan Backoff(int failures)
    {
        var exponential = options.ChatRetryBaseDelay * Math.Pow(2, Math.Min(failures, 20));
        var capped = exponential < options.ChatRetryMaxDelay ? exponential : options.ChatRetryMaxDelay;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    private void Resolve(ConversationRecord record, bool sent)
    {
        _held.TryRemove(record.ExternalId, out _);
        if (!sent)
        {
            cap.GiveBack(1);
        }

        Interlocked.Decrement(ref _active);
        _changed.Release();
    }

    private void Pause(TimeSpan wait)
    {
        var until = time.GetUtcNow() + wait;
        lock (_pauseLock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    private Task WaitWhileBreakerOpenAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset until;
        lock (_pauseLock)
        {
            until = _pausedUntil;
        }

        return until - time.GetUtcNow() is { Ticks: > 0 } wait ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }

    private sealed record Pending(ConversationRecord Record, int Failures);
}
