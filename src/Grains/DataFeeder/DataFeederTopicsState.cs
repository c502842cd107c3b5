using Orleans;

namespace KnovvuOrleans.Grains.DataFeeder;

[GenerateSerializer, Alias("knovvu.DataFeederTopicsState")]
public sealed class DataFeederTopicsState
{
    /// <summary>Ownership key of a topic → the tenant it belongs to.</summary>
    [Id(0)]
    public Dictionary<string, string> Owners { get; init; } = [];
}
