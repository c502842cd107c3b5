using KnovvuOrleans.Grains.Abstractions.VirtualAgent;

namespace KnovvuOrleans.Grains.VirtualAgent;

/// <summary>
/// A token bucket kept as one instant (the generic cell rate algorithm): <see cref="Due"/> is when every session
/// admitted so far will have been paid for at the rate. A batch is admitted at once while that lies no more than one
/// burst ahead, after a wait while the wait fits the queue, and refused beyond. One number instead of a token count
/// and a timer, so a grain holds it without ticking.
/// </summary>
public sealed record SessionRateSchedule(DateTimeOffset Due)
{
    public static SessionRateSchedule Empty { get; } = new(DateTimeOffset.MinValue);

    /// <summary>The admission of <paramref name="sessions"/> at <paramref name="now"/>, and the schedule after it.</summary>
    public (SessionAdmission Admission, SessionRateSchedule Next) Reserve(int sessions, SessionRate rate, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sessions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate.PerSecond);
        var interval = TimeSpan.FromSeconds(1.0 / rate.PerSecond);
        var due = (Due > now ? Due : now) + interval * sessions;
        var wait = TimeSpan.FromTicks(Math.Max(0, (due - now - interval * rate.Burst).Ticks));
        return wait <= rate.Queue
            ? (new SessionAdmission(true, wait), new SessionRateSchedule(due))
            : (new SessionAdmission(false, wait), this);
    }
}
