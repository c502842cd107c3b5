namespace KnovvuOrleans.Testing;

/// <summary>
/// A clock a test moves by hand, for expiries and waits it asserts on without waiting; timers and delays started
/// through it still run in real time.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
