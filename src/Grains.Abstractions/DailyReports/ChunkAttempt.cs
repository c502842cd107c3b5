using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>The outcome of building and storing one chunk; <see cref="Error"/> is null when it was stored.</summary>
[GenerateSerializer, Alias("knovvu.ChunkAttempt")]
public sealed record ChunkAttempt(int Hour, int Conversations, DateTimeOffset At, string? Error);
