using Orleans;

namespace KnovvuOrleans.Grains.DataFeeder.Replay;

[GenerateSerializer, Alias("knovvu.DataFeederReplaysState")]
public sealed record DataFeederReplaysState
{
    /// <summary>The tenant's job ids, newest first, at most <see cref="DataFeederReplaysGrain.JobsKept"/>.</summary>
    [Id(0)]
    public IReadOnlyList<string> JobIds { get; init; } = [];
}
