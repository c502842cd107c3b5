using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// A conversation matched a category. Seed 002 names this event ("category id/name + externalId") without an example,
/// so this shape is ours: the later-event pattern of ConversationAnalyzedForDataFeeder (PascalCase,
/// <c>ConversationExternalId</c> first) and an integer id like CA's other ids.
/// </summary>
[GenerateSerializer, Alias("knovvu.CategoryMatchForDataFeeder")]
public sealed record CategoryMatchForDataFeeder : IDataFeederPayload
{
    public static string EventType => DataFeederEventTypes.CategoryMatch;

    [JsonPropertyName("ConversationExternalId")]
    [Id(0)]
    public required string ConversationExternalId { get; init; }

    [JsonPropertyName("CategoryId")]
    [Id(1)]
    public required int CategoryId { get; init; }

    [JsonPropertyName("CategoryName")]
    [Id(2)]
    public required string CategoryName { get; init; }
}
