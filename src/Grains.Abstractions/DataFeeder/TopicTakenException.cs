using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>A tenant asked for a Data Feeder topic that belongs to another tenant; nothing was stored.</summary>
[GenerateSerializer, Alias("knovvu.TopicTakenException")]
public sealed class TopicTakenException(string topic)
    : InvalidOperationException($"Topic '{topic}' belongs to another tenant.")
{
    [Id(0)]
    public string Topic { get; } = topic;
}
