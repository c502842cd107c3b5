using Orleans;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>A tenant's CA settings as stored: the client secret only encrypted (ASP.NET Core Data Protection).</summary>
[GenerateSerializer, Alias("knovvu.CaIntegrationState")]
public sealed record CaIntegrationState
{
    [Id(0)]
    public required Uri ServiceBaseUrl { get; init; }

    [Id(1)]
    public required Uri TokenEndpoint { get; init; }

    [Id(2)]
    public required string ClientId { get; init; }

    [Id(3)]
    public required string ProtectedClientSecret { get; init; }

    [Id(4)]
    public bool Enabled { get; init; }
}
