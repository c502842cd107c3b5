namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>A tenant's Genesys settings as stored: the client secret only encrypted (ASP.NET Core Data Protection).</summary>
public sealed record GenesysIntegrationState
{
    public required string OrgId { get; init; }

    public required string Role { get; init; }

    public required string User { get; init; }

    public required string ClientId { get; init; }

    public required string ProtectedClientSecret { get; init; }

    public required string GroupId { get; init; }

    public required Uri ApiBaseUrl { get; init; }

    public required Uri LoginBaseUrl { get; init; }
}
