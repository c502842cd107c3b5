using KnovvuOrleans.Grains.Abstractions.DailyReports;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>The chunks of a tenant's day that were attempted, by hour.</summary>
public sealed record DailyReportState
{
    public Dictionary<int, ChunkStatus> Chunks { get; init; } = [];
}
