using System.Diagnostics;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.Streaming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.DataFeeder.Replay;

/// <summary>
/// Runs one replay in steps, each a turn of its own (so status and cancel answer between steps): read the next
/// conversations of the range with their kept events, send them (Created first per conversation, as live, under the
/// original event ids, marked with the replay's id), and only once Kafka acknowledged all of them move the checkpoint
/// and write it. A silo death repeats at most the step in flight, with the same event ids; a reminder brings the job
/// back on a live silo, which resumes from the checkpoint. A failed step (Kafka down) is retried with back-off, for as
/// long as it takes or until cancelled. Steps are paced to <see cref="DataFeederReplayOptions.EventsPerSecond"/> and
/// pause while live events wait in the outbox beyond <see cref="DataFeederReplayOptions.LiveBacklogLimit"/>: live first.
/// </summary>
[GrainType("datafeeder-replay")]
public sealed class DataFeederReplayGrain(
    [PersistentState("replay")] IPersistentState<DataFeederReplayState> state,
    IKeptEventStore kept,
    IDataFeederConnector connector,
    IEventOutbox outbox,
    IOptions<DataFeederReplayOptions> options,
    ILogger<DataFeederReplayGrain> logger) : Grain, IDataFeederReplayGrain, IRemindable
{
    private const string ResumeReminder = "replay-resume";

    private IGrainTimer? _next;
    private int _failures;

    // Whether this activation counts in DataFeederMetrics.RunningReplays.
    private bool _counted;

    private string TenantId => TenantKey.TenantOf(this.GetPrimaryKeyString());

    private string JobId => TenantKey.RestOf(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Job is { State: ReplayStates.Running })
        {
            Count(running: true);
            Schedule(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Count(running: false);
        return Task.CompletedTask;
    }

    public async Task<ReplayJob> Start(ReplayRequest request)
    {
        if (state.State.Job is { } started)
        {
            return WithRate(started);
        }

        var totals = await kept.CountRangeAsync(RangeOf(request), CancellationToken.None);
        // The reminder first: a job written as running always has one to bring it back.
        await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.ResumePeriod, options.Value.ResumePeriod);
        var job = new ReplayJob
        {
            Id = JobId,
            TenantId = TenantId,
            Request = request,
            State = ReplayStates.Running,
            ConversationsTotal = totals.Conversations,
            EventsTotal = totals.Events,
            StartedAt = DateTimeOffset.UtcNow,
        };
        state.State = new DataFeederReplayState { Job = job };
        await state.WriteStateAsync();
        Count(running: true);
        logger.LogInformation("Replay {Job} of {Tenant} started: {Conversations} conversations, {Events} events",
            JobId, TenantId, totals.Conversations, totals.Events);
        Schedule(TimeSpan.Zero);
        return WithRate(job);
    }

    public Task<ReplayJob?> GetStatus() => Task.FromResult(state.State.Job is { } job ? WithRate(job) : null);

    public async Task<ReplayJob?> Cancel()
    {
        if (state.State.Job is not { } job)
        {
            return null;
        }

        if (job.State == ReplayStates.Running)
        {
            await FinishAsync(ReplayStates.Cancelled);
        }

        return WithRate(state.State.Job!);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Job is not { State: ReplayStates.Running })
        {
            await UnregisterResumeReminderAsync();
        }
        else if (_next is null)
        {
            Schedule(TimeSpan.Zero);
        }
    }

    private async Task StepAsync()
    {
        _next?.Dispose();
        _next = null;
        if (state.State.Job is not { State: ReplayStates.Running } job)
        {
            return;
        }

        var settings = options.Value;
        try
        {
            if (await outbox.CountAsync(CancellationToken.None) > settings.LiveBacklogLimit)
            {
                Schedule(settings.LivePause);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            var page = await kept.ReadRangeAsync(RangeOf(job.Request), state.State.Cursor, settings.ConversationsPerStep, CancellationToken.None);
            if (page.Count == 0)
            {
                await FinishAsync(ReplayStates.Completed);
                return;
            }

            await EnsureTopicOwnedAsync(job.Request.Topic);
            var sentAt = DateTimeOffset.UtcNow;
            var records = page.SelectMany(c => c.Events)
                .Select(e => DataFeederRecords.From(e.Item with { RaisedAt = sentAt }, e.EventId) with { ReplayId = JobId })
                .ToList();
            await connector.PublishAsync(new DataFeederDestination(job.Request.Topic), records, CancellationToken.None);

            state.State = state.State with
            {
                Cursor = page[^1].Cursor,
                Job = job with { ConversationsDone = job.ConversationsDone + page.Count, EventsDone = job.EventsDone + records.Count },
            };
            await state.WriteStateAsync();
            DataFeederMetrics.ReplayedEvents.Add(records.Count, new KeyValuePair<string, object?>("tenant", TenantId));
            _failures = 0;
            var pace = TimeSpan.FromSeconds(records.Count / (double)settings.EventsPerSecond) - Stopwatch.GetElapsedTime(started);
            Schedule(pace > TimeSpan.Zero ? pace : TimeSpan.Zero);
        }
        catch (Exception exception)
        {
            _failures++;
            var delay = TimeSpan.FromMilliseconds(Math.Min(
                settings.RetryMaxDelay.TotalMilliseconds,
                settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(_failures - 1, 30))));
            logger.LogWarning(exception, "Replay {Job} of {Tenant}: step failed ({Failures} in a row); retrying from the checkpoint in {Delay} ms",
                JobId, TenantId, _failures, (int)delay.TotalMilliseconds);
            await RecordFailureAsync(exception);
            Schedule(delay);
        }
    }

    private async Task EnsureTopicOwnedAsync(string topic)
    {
        if (await GrainFactory.GetGrain<IDataFeederTopicsGrain>(IDataFeederTopicsGrain.Key).Claim(topic, TenantId) != TenantId)
        {
            throw new DataFeederPublishException($"Topic '{topic}' belongs to another tenant; the replay sends nothing to it.");
        }
    }

    private async Task RecordFailureAsync(Exception exception)
    {
        try
        {
            var job = state.State.Job!;
            state.State = state.State with { Job = job with { Errors = job.Errors + 1, LastError = exception.Message } };
            await state.WriteStateAsync();
        }
        catch (Exception writeFailure)
        {
            // The count is only for the status; the retry matters more.
            logger.LogWarning(writeFailure, "Replay {Job}: failure not recorded in its state", JobId);
        }
    }

    private async Task FinishAsync(string finalState)
    {
        _next?.Dispose();
        _next = null;
        state.State = state.State with { Job = state.State.Job! with { State = finalState, FinishedAt = DateTimeOffset.UtcNow } };
        await state.WriteStateAsync();
        Count(running: false);
        await UnregisterResumeReminderAsync();
        logger.LogInformation("Replay {Job} of {Tenant} {State}: {Events} events of {Conversations} conversations sent",
            JobId, TenantId, finalState, state.State.Job.EventsDone, state.State.Job.ConversationsDone);
    }

    private async Task UnregisterResumeReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void Count(bool running)
    {
        if (_counted != running)
        {
            _counted = running;
            DataFeederMetrics.RunningReplays.Add(running ? 1 : -1);
        }
    }

    private ReplayRange RangeOf(ReplayRequest request) => new(TenantId, request.From, request.To, request.EventTypes);

    private static ReplayJob WithRate(ReplayJob job)
    {
        var seconds = ((job.FinishedAt ?? DateTimeOffset.UtcNow) - job.StartedAt).TotalSeconds;
        return job with { EventsPerSecond = seconds > 0 ? Math.Round(job.EventsDone / seconds, 1) : 0 };
    }

    private void Schedule(TimeSpan delay) =>
        _next = this.RegisterGrainTimer(StepAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
}
