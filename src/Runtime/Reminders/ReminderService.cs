using System.Collections.Concurrent;
using KnovvuOrleans.Runtime.Activation;
using KnovvuOrleans.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Runtime.Reminders;

/// <summary>
/// Registers reminders in the store and fires the due ones as grain turns. After a tick (whether the grain
/// succeeded or threw) the reminder moves to its first due time after now, so ticks missed while no silo ran
/// fire once, not as a burst; a silo that dies mid-tick leaves the reminder due, and it fires again (at least once).
/// </summary>
internal sealed class ReminderService(GrainRuntime runtime)
{
    private static readonly GrainMethod ReceiveReminder =
        GrainMethod.For(typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminder))!);

    private readonly ConcurrentDictionary<(GrainId, string), byte> _firing = new();

    public async Task<IGrainReminder> RegisterAsync(Grain grain, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"{grain.GetType().Name} registers a reminder but does not implement IRemindable.");
        }

        if (period < runtime.Options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"A reminder period must be at least {runtime.Options.MinimumReminderPeriod}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var firstDue = runtime.UtcNow + dueTime;
        var entry = new ReminderEntry(grain.GrainId, name, runtime.PartitionOf(grain.GrainId), firstDue, period, firstDue, 0);
        runtime.ThrowIfKilled();
        await runtime.Store.UpsertReminderAsync(entry, runtime.FenceFor(entry.Partition), CancellationToken.None);
        return new GrainReminder(name);
    }

    public Task UnregisterAsync(GrainId grain, string name)
    {
        runtime.ThrowIfKilled();
        return runtime.Store.DeleteReminderAsync(grain, name, runtime.FenceFor(runtime.PartitionOf(grain)), CancellationToken.None);
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grain, string name) =>
        await runtime.Store.ReadReminderAsync(grain, name, CancellationToken.None) is { } entry
            ? new GrainReminder(entry.Name)
            : null;

    /// <summary>Fires the due reminders of the partitions this silo owns, whichever they are at each poll.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var partitions = runtime.Directory.OwnedPartitions;
                IReadOnlyList<ReminderEntry> due = partitions.Count == 0
                    ? []
                    : await runtime.Store.ReadDueRemindersAsync(partitions, runtime.UtcNow, 1000, cancellationToken);
                foreach (var reminder in due)
                {
                    if (_firing.TryAdd((reminder.Grain, reminder.Name), 0))
                    {
                        _ = FireAsync(reminder);
                    }
                }

                await Task.Delay(runtime.Options.ReminderPollInterval, runtime.Time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                runtime.Logger.LogWarning(exception, "Reading due reminders failed; retrying");
                await Task.Delay(runtime.Options.ReminderPollInterval, runtime.Time, CancellationToken.None);
            }
        }
    }

    private async Task FireAsync(ReminderEntry reminder)
    {
        try
        {
            try
            {
                var status = new TickStatus(reminder.FirstDue, reminder.Period, reminder.NextDue);
                await runtime.InvokeAsync(reminder.Grain, ReceiveReminder, [reminder.Name, status]);
            }
            catch (Exception exception) when (!runtime.IsKilled)
            {
                runtime.Logger.LogWarning(exception, "Reminder {Reminder} of {Grain} failed", reminder.Name, reminder.Grain);
            }

            if (!runtime.IsKilled)
            {
                await runtime.Store.AdvanceReminderAsync(
                    reminder, NextDue(reminder, runtime.UtcNow), runtime.FenceFor(reminder.Partition), CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            runtime.Logger.LogWarning(exception, "Advancing reminder {Reminder} of {Grain} failed", reminder.Name, reminder.Grain);
        }
        finally
        {
            _firing.TryRemove((reminder.Grain, reminder.Name), out _);
        }
    }

    /// <summary>The first time on the reminder's schedule that is after <paramref name="now"/>.</summary>
    public static DateTime NextDue(ReminderEntry reminder, DateTime now)
    {
        var elapsed = now - reminder.NextDue;
        var periods = elapsed < TimeSpan.Zero ? 0 : elapsed.Ticks / reminder.Period.Ticks;
        return reminder.NextDue + TimeSpan.FromTicks(reminder.Period.Ticks * (periods + 1));
    }

    private sealed record GrainReminder(string ReminderName) : IGrainReminder;
}
