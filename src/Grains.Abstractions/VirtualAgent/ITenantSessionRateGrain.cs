using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.VirtualAgent;

/// <summary>
/// One tenant's VA session rate for the whole cluster (key: the tenant id). Every gateway asks it before recording a
/// batch, so a tenant posting through N gateways is admitted at its rate once, not N times. Kept in memory: a new
/// activation starts with a full burst, which costs at most one burst per silo failure.
/// </summary>
[Alias("knovvu.ITenantSessionRateGrain")]
public interface ITenantSessionRateGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reserves <paramref name="sessions"/> sessions at <paramref name="rate"/>: admitted after a wait (zero while the
    /// burst lasts), or refused, reserving nothing, when the wait would be longer than the rate's queue.
    /// </summary>
    [Alias("Reserve")]
    Task<SessionAdmission> Reserve(int sessions, SessionRate rate);
}

/// <summary>
/// <paramref name="PerSecond"/> sessions a second on average, <paramref name="Burst"/> at once after a quiet spell, and
/// a batch may wait at most <paramref name="Queue"/> for its turn.
/// </summary>
[GenerateSerializer, Alias("knovvu.SessionRate")]
public sealed record SessionRate(int PerSecond, int Burst, TimeSpan Queue);

/// <summary>
/// Admitted: record the batch after <paramref name="Wait"/>. Refused: nothing was reserved; <paramref name="Wait"/> is
/// how long until the same batch would be admitted without waiting.
/// </summary>
[GenerateSerializer, Alias("knovvu.SessionAdmission")]
public sealed record SessionAdmission(bool Admitted, TimeSpan Wait);
