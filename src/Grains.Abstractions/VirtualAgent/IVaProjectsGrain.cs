using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.VirtualAgent;

/// <summary>
/// A tenant's VA projects and channels, their Knovvu Analytics toggles, and which of them CA has acknowledged as
/// departments and agents; the key is the tenant id.
/// </summary>
[Alias("knovvu.IVaProjectsGrain")]
public interface IVaProjectsGrain : IGrainWithStringKey
{
    [Alias("AddProject")]
    Task<VaChangeOutcome> AddProject(VaProjectRegistration project);

    [Alias("AddChannel")]
    Task<VaChangeOutcome> AddChannel(string projectId, VaChannelRegistration channel);

    [Alias("SetKnovvuAnalyticsEnabled")]
    Task<VaChangeOutcome> SetKnovvuAnalyticsEnabled(string projectId, bool enabled);

    [Alias("List")]
    Task<IReadOnlyList<VaProject>> List();

    /// <summary>The channel, or null when the project or channel is unknown.</summary>
    [Alias("FindChannel")]
    Task<VaChannel?> FindChannel(string projectId, string channelId);

    /// <summary>Enabled projects and the departments and agents CA has not acknowledged yet, leaving out held projects.</summary>
    [Alias("GetCaBacklog")]
    Task<VaCaBacklog> GetCaBacklog();

    /// <summary>Records what CA acknowledged, so it is never sent again.</summary>
    [Alias("MarkAcknowledged")]
    Task MarkAcknowledged(VaCaBacklog acknowledged);

    /// <summary>Which enabled projects may send chats now, and which are held because CA refused them.</summary>
    [Alias("GetCaProjects")]
    Task<VaCaProjects> GetCaProjects();

    /// <summary>CA refused the project's departments and agents for good: it is held alone with the reason.</summary>
    [Alias("HoldForCa")]
    Task HoldForCa(string projectId, string reason);

    /// <summary>Offers every held project to CA again (an operator asked, or the CA settings changed); returns how many.</summary>
    [Alias("ReleaseHeldForCa")]
    Task<int> ReleaseHeldForCa();
}

/// <summary>
/// The enabled projects; of those, the ones whose chats can go (CA acknowledged the project and its channels, and
/// it is not held); and the held ones with CA's reason.
/// </summary>
[GenerateSerializer, Alias("knovvu.VaCaProjects")]
public sealed record VaCaProjects(
    IReadOnlyList<string> EnabledProjectIds,
    IReadOnlyList<string> ReadyProjectIds,
    IReadOnlyList<VaHeldProject> Held);

[GenerateSerializer, Alias("knovvu.VaHeldProject")]
public sealed record VaHeldProject(string ProjectId, string Reason);

/// <summary>
/// What the hourly job works from: the projects whose sessions may go to CA, and the projects (departments) and
/// channels (agents) not yet acknowledged by CA.
/// </summary>
[GenerateSerializer, Alias("knovvu.VaCaBacklog")]
public sealed record VaCaBacklog(
    IReadOnlyList<string> EnabledProjectIds,
    IReadOnlyList<VaPendingDepartment> Departments,
    IReadOnlyList<VaPendingAgent> Agents);

[GenerateSerializer, Alias("knovvu.VaPendingDepartment")]
public sealed record VaPendingDepartment(string ProjectId, string ProjectName);

[GenerateSerializer, Alias("knovvu.VaPendingAgent")]
public sealed record VaPendingAgent(string ProjectId, string ProjectName, string ChannelId);
