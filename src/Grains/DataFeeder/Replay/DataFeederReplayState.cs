using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;
using Orleans;

namespace KnovvuOrleans.Grains.DataFeeder.Replay;

/// <summary>A replay job and its checkpoint: the last conversation whose events every one were acknowledged.</summary>
[GenerateSerializer, Alias("knovvu.DataFeederReplayState")]
public sealed record DataFeederReplayState
{
    [Id(0)]
    public ReplayJob? Job { get; init; }

    [Id(1)]
    public ReplayCursor? Cursor { get; init; }
}
