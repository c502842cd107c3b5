using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using Orleans;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.VirtualAgent;

/// <summary>A tenant's VA projects and channels (key: tenant id), with their Knovvu Analytics toggles and CA acknowledgements.</summary>
[GrainType("va-projects")]
public sealed class VaProjectsGrain([PersistentState("va-projects")] IPersistentState<VaProjectsState> state) : Grain, IVaProjectsGrain
{
    private List<VaProjectEntry> Projects => state.State.Projects;

    private ICaIntegrationGrain Integration => GrainFactory.GetGrain<ICaIntegrationGrain>(this.GetPrimaryKeyString());

    public async Task<VaChangeOutcome> AddProject(VaProjectRegistration project)
    {
        if (Find(project.Id) is not null)
        {
            return VaChangeOutcome.AlreadyExists;
        }

        Projects.Add(new VaProjectEntry { Id = project.Id, Name = project.Name });
        await state.WriteStateAsync();
        return VaChangeOutcome.Done;
    }

    public async Task<VaChangeOutcome> AddChannel(string projectId, VaChannelRegistration channel)
    {
        if (Find(projectId) is not { } project)
        {
            return VaChangeOutcome.UnknownProject;
        }

        if (project.Channels.Any(c => c.Id == channel.Id))
        {
            return VaChangeOutcome.AlreadyExists;
        }

        project.Channels.Add(new VaChannelEntry { Id = channel.Id, Name = channel.Name, Type = channel.Type });
        await state.WriteStateAsync();
        return VaChangeOutcome.Done;
    }

    public async Task<VaChangeOutcome> SetKnovvuAnalyticsEnabled(string projectId, bool enabled)
    {
        if (Find(projectId) is not { } project)
        {
            return VaChangeOutcome.UnknownProject;
        }

        if (enabled && !await Integration.IsEnabled())
        {
            return VaChangeOutcome.TenantIntegrationDisabled;
        }

        project.KnovvuAnalyticsEnabled = enabled;
        // A change of the project's settings offers a project CA refused once more.
        project.CaRefusal = null;
        await state.WriteStateAsync();
        return VaChangeOutcome.Done;
    }

    public async Task<IReadOnlyList<VaProject>> List()
    {
        var tenantEnabled = await Integration.IsEnabled();
        return Projects.Select(p => new VaProject(
                p.Id, p.Name, tenantEnabled && p.KnovvuAnalyticsEnabled,
                p.Channels.Select(c => new VaChannel(c.Id, c.Name, c.Type)).ToList()))
            .ToList();
    }

    public Task<VaChannel?> FindChannel(string projectId, string channelId) =>
        Task.FromResult(Find(projectId)?.Channels.FirstOrDefault(c => c.Id == channelId) is { } c ? new VaChannel(c.Id, c.Name, c.Type) : null);

    public Task<VaCaBacklog> GetCaBacklog()
    {
        var enabled = Projects.Where(p => p.KnovvuAnalyticsEnabled && p.CaRefusal is null).ToList();
        return Task.FromResult(new VaCaBacklog(
            enabled.Select(p => p.Id).ToList(),
            enabled.Where(p => !p.DepartmentAcknowledged).Select(p => new VaPendingDepartment(p.Id, p.Name)).ToList(),
            enabled.SelectMany(p => p.Channels.Where(c => !c.AgentAcknowledged).Select(c => new VaPendingAgent(p.Id, p.Name, c.Id))).ToList()));
    }

    public async Task MarkAcknowledged(VaCaBacklog acknowledged)
    {
        foreach (var department in acknowledged.Departments)
        {
            Find(department.ProjectId)?.DepartmentAcknowledged = true;
        }

        foreach (var agent in acknowledged.Agents)
        {
            Find(agent.ProjectId)?.Channels.FirstOrDefault(c => c.Id == agent.ChannelId)?.AgentAcknowledged = true;
        }

        await state.WriteStateAsync();
    }

    public Task<VaCaProjects> GetCaProjects()
    {
        var enabled = Projects.Where(p => p.KnovvuAnalyticsEnabled).ToList();
        return Task.FromResult(new VaCaProjects(
            enabled.Select(p => p.Id).ToList(),
            enabled.Where(p => p.CaRefusal is null && p.ReadyForChats).Select(p => p.Id).ToList(),
            enabled.Where(p => p.CaRefusal is not null).Select(p => new VaHeldProject(p.Id, p.CaRefusal!)).ToList()));
    }

    public async Task HoldForCa(string projectId, string reason)
    {
        if (Find(projectId) is { } project)
        {
            project.CaRefusal = reason;
            await state.WriteStateAsync();
        }
    }

    public async Task<int> ReleaseHeldForCa()
    {
        var held = Projects.Where(p => p.CaRefusal is not null).ToList();
        if (held.Count > 0)
        {
            held.ForEach(p => p.CaRefusal = null);
            await state.WriteStateAsync();
        }

        return held.Count;
    }

    private VaProjectEntry? Find(string projectId) => Projects.FirstOrDefault(p => p.Id == projectId);
}
