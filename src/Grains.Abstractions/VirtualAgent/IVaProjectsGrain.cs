using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Grains.Abstractions.VirtualAgent;

/// <summary>
/// A tenant's VA projects and channels, their Knovvu Analytics toggles, and which of them CA has acknowledged as
/// departments and agents; the key is the tenant id.
/// </summary>
public interface IVaProjectsGrain : IGrainWithStringKey
{
    Task<VaChangeOutcome> AddProject(VaProjectRegistration project);

    Task<VaChangeOutcome> AddChannel(string projectId, VaChannelRegistration channel);

    Task<VaChangeOutcome> SetKnovvuAnalyticsEnabled(string projectId, bool enabled);

    Task<IReadOnlyList<VaProject>> List();

    /// <summary>The channel, or null when the project or channel is unknown.</summary>
    Task<VaChannel?> FindChannel(string projectId, string channelId);

    /// <summary>Enabled projects and the departments and agents CA has not acknowledged yet.</summary>
    Task<VaCaBacklog> GetCaBacklog();

    /// <summary>Records what CA acknowledged, so it is never sent again.</summary>
    Task MarkAcknowledged(VaCaBacklog acknowledged);
}

/// <summary>
/// What the hourly job works from: the projects whose sessions may go to CA, and the projects (departments) and
/// channels (agents) not yet acknowledged by CA.
/// </summary>
public sealed record VaCaBacklog(
    IReadOnlyList<string> EnabledProjectIds,
    IReadOnlyList<VaPendingDepartment> Departments,
    IReadOnlyList<VaPendingAgent> Agents);

public sealed record VaPendingDepartment(string ProjectId, string ProjectName);

public sealed record VaPendingAgent(string ProjectId, string ProjectName, string ChannelId);
