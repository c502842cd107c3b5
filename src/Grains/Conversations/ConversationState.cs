using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Streaming;
using Orleans;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>
/// What the Conversation grain remembers: that it was recorded, under which number, whether it is ever published and
/// whether its Created event is still to go out; and the later events (analysis, category matches) that arrived before it
/// was recorded, held, with their event ids, until its Created event is published (or they expire).
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

    /// <summary>Recorded as a draft or test session: none of its events is ever published.</summary>
    [Id(3)]
    public bool NeverPublished { get; init; }

    /// <summary>
    /// Published, but its Created event was not raised when it was recorded (the tenant's Data Feeder did not want it
    /// then): it is raised, from the kept event, right before the first later event that is published.
    /// </summary>
    [Id(4)]
    public bool CreatedPending { get; init; }
}
