using System.Collections.Concurrent;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Runtime.Hosting;

namespace KnovvuOrleans.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

    Task Stop();
}

public sealed class ReminderGrain(TickLog log, Silo silo) : Grain, IReminderGrain, IRemindable
{
    public const string Name = "tick";

    public Task Start(TimeSpan period) => RegisterOrUpdateReminder(Name, period, period);

    public async Task Stop()
    {
        if (await GetReminder(Name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Ticks.Enqueue(new TickLog.Tick(GetPrimaryKeyString(), reminderName, status.CurrentTickTime, DateTime.UtcNow, silo.SiloId));
        return Task.CompletedTask;
    }
}

public sealed class TickLog
{
    public ConcurrentQueue<Tick> Ticks { get; } = new();

    public sealed record Tick(string Key, string Name, DateTime DueUtc, DateTime FiredUtc, string Silo);
}
