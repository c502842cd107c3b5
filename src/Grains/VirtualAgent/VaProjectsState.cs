using Orleans;

namespace KnovvuOrleans.Grains.VirtualAgent;

/// <summary>A tenant's VA projects, their toggles, and what CA acknowledged.</summary>
[GenerateSerializer, Alias("knovvu.VaProjectsState")]
public sealed record VaProjectsState
{
    [Id(0)]
    public List<VaProjectEntry> Projects { get; init; } = [];
}

[GenerateSerializer, Alias("knovvu.VaProjectEntry")]
public sealed record VaProjectEntry
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    /// <summary>The project's own toggle; it takes effect only while the tenant integration is enabled.</summary>
    [Id(2)]
    public bool KnovvuAnalyticsEnabled { get; set; }

    /// <summary>CA acknowledged the project as a department: it is never sent again.</summary>
    [Id(3)]
    public bool DepartmentAcknowledged { get; set; }

    [Id(4)]
    public List<VaChannelEntry> Channels { get; init; } = [];

    /// <summary>
    /// Why CA refused the project's departments and agents for good; while set, the project is held alone (nothing of
    /// it is sent) until its settings change or an operator offers it again.
    /// </summary>
    [Id(5)]
    public string? CaRefusal { get; set; }

    /// <summary>CA knows the project and all its channels, so its chats can go.</summary>
    public bool ReadyForChats => DepartmentAcknowledged && Channels.All(c => c.AgentAcknowledged);
}

[GenerateSerializer, Alias("knovvu.VaChannelEntry")]
public sealed record VaChannelEntry
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    [Id(2)]
    public required string Type { get; init; }

    /// <summary>CA acknowledged the channel as an agent: it is never sent again.</summary>
    [Id(3)]
    public bool AgentAcknowledged { get; set; }
}
