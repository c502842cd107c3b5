namespace KnovvuOrleans.Grains.VirtualAgent;

/// <summary>A tenant's VA projects, their toggles, and what CA acknowledged.</summary>
public sealed record VaProjectsState
{
    public List<VaProjectEntry> Projects { get; init; } = [];
}

public sealed record VaProjectEntry
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The project's own toggle; it takes effect only while the tenant integration is enabled.</summary>
    public bool KnovvuAnalyticsEnabled { get; set; }

    /// <summary>CA acknowledged the project as a department: it is never sent again.</summary>
    public bool DepartmentAcknowledged { get; set; }

    public List<VaChannelEntry> Channels { get; init; } = [];
}

public sealed record VaChannelEntry
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    /// <summary>CA acknowledged the channel as an agent: it is never sent again.</summary>
    public bool AgentAcknowledged { get; set; }
}
