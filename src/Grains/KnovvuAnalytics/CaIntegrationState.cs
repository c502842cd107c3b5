namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>A tenant's CA settings as stored: the client secret only encrypted (ASP.NET Core Data Protection).</summary>
public sealed record CaIntegrationState
{
    public required Uri ServiceBaseUrl { get; init; }

    public required Uri TokenEndpoint { get; init; }

    public required string ClientId { get; init; }

    public required string ProtectedClientSecret { get; init; }

    public bool Enabled { get; init; }
}
