using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>Where a replay stands: the last conversation it sent, by start time and external id (the replay's order).</summary>
[GenerateSerializer, Alias("knovvu.ReplayCursor")]
public sealed record ReplayCursor([property: Id(0)] DateTimeOffset StartTime, [property: Id(1)] string ExternalId);
