using Orleans;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// A tenant's CA settings as stored (the client secret only encrypted, with ASP.NET Core Data Protection), and how
/// much of the tenant's hourly cap the current UTC clock hour has used.
/// </summary>
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

    /// <summary>The UTC clock hour <see cref="SessionsTakenInCapHour"/> counts for.</summary>
    [Id(5)]
    public DateTime CapHourUtc { get; set; }

    /// <summary>Sessions of that hour sent or being sent, whichever run sent them.</summary>
    [Id(6)]
    public int SessionsTakenInCapHour { get; set; }
}
