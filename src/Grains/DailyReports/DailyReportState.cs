using KnovvuOrleans.Grains.Abstractions.DailyReports;
using Orleans;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>The chunks of a tenant's day that were attempted, by hour.</summary>
[GenerateSerializer, Alias("knovvu.DailyReportState")]
public sealed record DailyReportState
{
    [Id(0)]
    public Dictionary<int, ChunkStatus> Chunks { get; init; } = [];
}
