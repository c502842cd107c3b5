using KnovvuOrleans.Grains.Abstractions.Conversations;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// What the Conversation grain remembers: that it was recorded, under which number, and the later events (analysis,
/// category matches) that arrived before it was recorded, held until its Created event is published.
/// </summary>
public sealed record ConversationState
{
    public bool Recorded { get; init; }

    public long Number { get; init; }

    public IReadOnlyList<ConversationEvent> Held { get; init; } = [];
}
