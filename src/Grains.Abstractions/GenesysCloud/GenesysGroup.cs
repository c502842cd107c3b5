using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>A Genesys group (GET groups/{groupId}).</summary>
[GenerateSerializer, Alias("knovvu.GenesysGroup")]
public sealed record GenesysGroup
{
    [JsonPropertyName("id")]
    [Id(0)]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    [Id(1)]
    public required string Name { get; init; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(2)]
    public string? Description { get; init; }

    [JsonPropertyName("memberCount")]
    [Id(3)]
    public long MemberCount { get; init; }

    /// <summary>"active", "inactive" or "deleted".</summary>
    [JsonPropertyName("state")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(4)]
    public string? State { get; init; }

    /// <summary>"official" or "social".</summary>
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(5)]
    public string? Type { get; init; }

    /// <summary>"public", "owners" or "members".</summary>
    [JsonPropertyName("visibility")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(6)]
    public string? Visibility { get; init; }

    [JsonPropertyName("selfUri")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(7)]
    public string? SelfUri { get; init; }
}
