using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Streaming;

/// <summary>
/// What the Orleans stream of a durable stream carries: that its outbox holds new events, up to this sequence. The
/// events themselves are read from the outbox, so a notice lost with a silo delays them but never loses or reorders them.
/// </summary>
[GenerateSerializer, Alias("knovvu.OutboxAppended")]
public sealed record OutboxAppended(long LastSequence);
