using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>
/// The outcome of building and storing one chunk; <see cref="Error"/> is null when it was stored.
/// <see cref="LateArrivalsSeen"/> is the chunk's <see cref="ChunkStatus.LateArrivals"/> read before the build started.
/// </summary>
[GenerateSerializer, Alias("knovvu.ChunkAttempt")]
public sealed record ChunkAttempt(int Hour, int Conversations, DateTimeOffset At, string? Error, int LateArrivalsSeen = 0);
