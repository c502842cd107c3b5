using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>One hour's chunk of a tenant's day.</summary>
[GenerateSerializer, Alias("knovvu.ChunkStatus")]
public sealed record ChunkStatus(int Hour, ChunkState State, int Attempts, int? Conversations, DateTimeOffset? GeneratedAt, string? LastError);
