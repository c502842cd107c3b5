using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.VirtualAgent;

namespace KnovvuOrleans.Gateway.Tests.RateLimiting;

/// <summary>The tenant's session schedule: a burst at once, then its share of the rate, waiting only as long as the queue.</summary>
public sealed class SessionRateScheduleTests
{
    // Ten a second, a burst of 500, at most 30 seconds' wait.
    private static readonly SessionRate Rate = new(10, 500, TimeSpan.FromSeconds(30));
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_burst_is_admitted_at_once_and_the_next_batch_waits_for_its_share()
    {
        var schedule = SessionRateSchedule.Empty;
        (var burst, schedule) = schedule.Reserve(500, Rate, T0);
        (var next, schedule) = schedule.Reserve(100, Rate, T0);
        (var after, _) = schedule.Reserve(100, Rate, T0);

        Assert.Equal(new SessionAdmission(true, TimeSpan.Zero), burst);
        Assert.Equal(new SessionAdmission(true, TimeSpan.FromSeconds(10)), next);
        Assert.Equal(new SessionAdmission(true, TimeSpan.FromSeconds(20)), after);
    }

    [Fact]
    public void A_batch_that_would_wait_longer_than_the_queue_is_refused_and_reserves_nothing()
    {
        var (_, schedule) = SessionRateSchedule.Empty.Reserve(500, Rate, T0);

        var (refused, unchanged) = schedule.Reserve(350, Rate, T0);
        var (admitted, _) = unchanged.Reserve(300, Rate, T0);

        Assert.Equal(new SessionAdmission(false, TimeSpan.FromSeconds(35)), refused);
        Assert.Same(schedule, unchanged);
        Assert.Equal(new SessionAdmission(true, TimeSpan.FromSeconds(30)), admitted);
    }

    [Fact]
    public void Time_pays_the_schedule_back_but_a_quiet_hour_saves_no_more_than_one_burst()
    {
        var (_, schedule) = SessionRateSchedule.Empty.Reserve(500, Rate, T0);

        var (paidBack, _) = schedule.Reserve(100, Rate, T0.AddSeconds(10));
        (var burst, schedule) = schedule.Reserve(500, Rate, T0.AddHours(1));
        var (beyond, _) = schedule.Reserve(1, Rate, T0.AddHours(1));

        Assert.Equal(new SessionAdmission(true, TimeSpan.Zero), paidBack);
        Assert.Equal(new SessionAdmission(true, TimeSpan.Zero), burst);
        Assert.Equal(new SessionAdmission(true, TimeSpan.FromSeconds(0.1)), beyond);
    }
}
