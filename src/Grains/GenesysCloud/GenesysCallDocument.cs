using System.Text.Json.Serialization;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>What the conversation log keeps of an imported call: Genesys' details as fetched, and where its audio is.</summary>
public sealed record GenesysCallDocument(
    [property: JsonPropertyName("details")] AnalyticsConversation Details,
    [property: JsonPropertyName("recordings")] IReadOnlyList<StoredRecording> Recordings);
