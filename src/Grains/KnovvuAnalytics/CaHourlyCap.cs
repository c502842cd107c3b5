using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// A run's share of the tenant's cap per UTC clock hour: it takes sessions from the integration grain (which stores
/// the hour's count) before sending them, keeps what a failed or refused session gives back for the next one of the
/// same hour, and returns the rest when the run ends. A run cut off by a crash leaves its unused share counted: the
/// cap may then be under-used in that hour, never exceeded.
/// </summary>
internal sealed class CaHourlyCap(ICaIntegrationGrain integration, TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTime _hour;
    private int _held;

    /// <summary>Up to <paramref name="wanted"/> sessions of the current hour; 0 when its cap is used up.</summary>
    public async Task<int> TakeAsync(int wanted)
    {
        var fromHeld = 0;
        lock (_lock)
        {
            if (_hour == CurrentHour())
            {
                fromHeld = Math.Min(_held, wanted);
                _held -= fromHeld;
            }
        }

        if (fromHeld == wanted)
        {
            return wanted;
        }

        var grant = await integration.TakeHourlyCap(wanted - fromHeld);
        lock (_lock)
        {
            if (grant.HourUtc != _hour)
            {
                // The previous hour is over: what was held of it is of no use any more.
                (_hour, _held) = (grant.HourUtc, 0);
            }
        }

        return fromHeld + grant.Granted;
    }

    /// <summary>Sessions taken but not sent (refused, failed for now, or not found).</summary>
    public void GiveBack(int count)
    {
        lock (_lock)
        {
            _held += count;
        }
    }

    public async Task ReturnUnusedAsync()
    {
        DateTime hour;
        int unused;
        lock (_lock)
        {
            (hour, unused, _held) = (_hour, _held, 0);
        }

        if (unused > 0 && hour == CurrentHour())
        {
            await integration.ReturnHourlyCap(hour, unused);
        }
    }

    private DateTime CurrentHour()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
    }
}
