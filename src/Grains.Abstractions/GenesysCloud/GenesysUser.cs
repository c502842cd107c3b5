using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>A Genesys user as group member listings carry it (the fields the integration reads).</summary>
[GenerateSerializer, Alias("knovvu.GenesysUser")]
public sealed record GenesysUser
{
    [JsonPropertyName("id")]
    [Id(0)]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public string? Name { get; init; }

    [JsonPropertyName("email")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(2)]
    public string? Email { get; init; }

    [JsonPropertyName("username")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(3)]
    public string? Username { get; init; }

    /// <summary>"active", "inactive" or "deleted".</summary>
    [JsonPropertyName("state")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(4)]
    public string? State { get; init; }

    [JsonPropertyName("selfUri")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(5)]
    public string? SelfUri { get; init; }
}
