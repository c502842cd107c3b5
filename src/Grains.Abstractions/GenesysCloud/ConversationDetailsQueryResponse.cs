using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// One page of the details query. As on Genesys, <see cref="Conversations"/> is absent (null) when the page is empty,
/// so a client pages until it gets none, or up to <see cref="TotalHits"/>.
/// </summary>
public sealed record ConversationDetailsQueryResponse
{
    [JsonPropertyName("conversations")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AnalyticsConversation>? Conversations { get; init; }

    [JsonPropertyName("totalHits")]
    public required int TotalHits { get; init; }
}
