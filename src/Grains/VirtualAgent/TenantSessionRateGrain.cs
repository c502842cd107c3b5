using KnovvuOrleans.Grains.Abstractions.VirtualAgent;

namespace KnovvuOrleans.Grains.VirtualAgent;

/// <summary>The cluster's one schedule of a tenant's VA sessions (<see cref="SessionRateSchedule"/>), in memory.</summary>
[GrainType("tenant-session-rate")]
public sealed class TenantSessionRateGrain(TimeProvider time) : Grain, ITenantSessionRateGrain
{
    private SessionRateSchedule _schedule = SessionRateSchedule.Empty;

    public Task<SessionAdmission> Reserve(int sessions, SessionRate rate)
    {
        (var admission, _schedule) = _schedule.Reserve(sessions, rate, time.GetUtcNow());
        return Task.FromResult(admission);
    }
}
