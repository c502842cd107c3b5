using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// One page of the details query. As on Genesys, <see cref="Conversations"/> is absent (null) when the page is empty,
/// so a client pages until it gets none, or up to <see cref="TotalHits"/>.
/// </summary>
[GenerateSerializer, Alias("knovvu.ConversationDetailsQueryResponse")]
public sealed record ConversationDetailsQueryResponse
{
    [JsonPropertyName("conversations")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(0)]
    public IReadOnlyList<AnalyticsConversation>? Conversations { get; init; }

    [JsonPropertyName("totalHits")]
    [Id(1)]
    public required int TotalHits { get; init; }
}
