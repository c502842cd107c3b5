namespace KnovvuOrleans.Grains.Conversations;

/// <summary>What the Conversation grain remembers: that it was recorded, under which number.</summary>
public sealed record ConversationState
{
    public bool Recorded { get; init; }

    public long Number { get; init; }
}
