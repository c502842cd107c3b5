using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>
/// One hour's chunk of a tenant's day. <see cref="LateArrivals"/> counts the conversations of the hour that reached the
/// log after its day ended; a build that saw fewer than the count when it started may have missed one.
/// </summary>
[GenerateSerializer, Alias("knovvu.ChunkStatus")]
public sealed record ChunkStatus(
    int Hour, ChunkState State, int Attempts, int? Conversations, DateTimeOffset? GeneratedAt, string? LastError, int LateArrivals = 0);
