using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// A conversation matched a category. Seed 002 names this event ("category id/name + externalId") without an example,
/// so this shape is ours: the later-event pattern of ConversationAnalyzedForDataFeeder (PascalCase,
/// <c>ConversationExternalId</c> first) and an integer id like CA's other ids.
/// </summary>
public sealed record CategoryMatchForDataFeeder : IDataFeederPayload
{
    public static string EventType => DataFeederEventTypes.CategoryMatch;

    [JsonPropertyName("ConversationExternalId")]
    public required string ConversationExternalId { get; init; }

    [JsonPropertyName("CategoryId")]
    public required int CategoryId { get; init; }

    [JsonPropertyName("CategoryName")]
    public required string CategoryName { get; init; }
}
