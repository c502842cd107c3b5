using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using Orleans;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// What the Conversation grain remembers: that it was recorded, under which number, and the later events (analysis,
/// category matches) that arrived before it was recorded, held, with their event ids, until its Created event is published.
/// </summary>
[GenerateSerializer, Alias("knovvu.ConversationState")]
public sealed record ConversationState
{
    [Id(0)]
    public bool Recorded { get; init; }

    [Id(1)]
    public long Number { get; init; }

    [Id(2)]
    public IReadOnlyList<StreamEvent<ConversationEvent>> Held { get; init; } = [];
}
