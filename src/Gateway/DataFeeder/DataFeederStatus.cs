using KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;

namespace KnovvuOrleans.Gateway.DataFeeder;

/// <summary>
/// A tenant's Data Feeder status: results held for conversations not recorded yet, results that expired so (held longer
/// than <paramref name="HeldResultsExpireAfter"/>, never published), and the replays running.
/// </summary>
public sealed record DataFeederStatus(long HeldResults, long ExpiredResults, TimeSpan HeldResultsExpireAfter, IReadOnlyList<ReplayJob> RunningReplays);
