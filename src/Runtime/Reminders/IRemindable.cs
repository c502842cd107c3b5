namespace KnovvuOrleans.Runtime;

/// <summary>Implemented by grains that register reminders; each tick arrives as a turn.</summary>
public interface IRemindable
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
