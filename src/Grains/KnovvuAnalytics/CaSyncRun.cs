using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.Telemetry;
using KnovvuOrleans.Grains.VirtualAgent;
using Orleans;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// One run of a tenant's VA → CA job: the departments and agents CA has not acknowledged, then the chats of the
/// projects CA knows, within the tenant's cap per UTC clock hour (see <see cref="CaChatDelivery"/>). A
/// Departments-Agents body CA refuses for good is split by project, so only the project CA refuses is held (with its
/// reason) and the others go on. Each item is marked as soon as CA acknowledged it, so nothing acknowledged is sent
/// again; a run cut short by a crash is finished by the next one, and CA's idempotency by ExternalId absorbs a chat
/// whose acknowledgement was lost.
/// </summary>
internal sealed class CaSyncRun(
    string tenantId,
    CaConnection connection,
    IGrainFactory grains,
    IConversationLog log,
    KnovvuAnalyticsClient client,
    CaHourlyCap cap,
    CaSyncOptions options,
    TimeProvider time,
    KnovvuMetrics metrics,
    ILogger logger)
{
    private CaChatDelivery? _chats;

    public int DepartmentsSent { get; private set; }

    public int AgentsSent { get; private set; }

    public int SessionsSent => _chats?.Sent ?? 0;

    /// <summary>Why the run stopped before its work was done, when not by an exception.</summary>
    public string? StoppedBecause => _chats?.StoppedBecause;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        var profile = await tenant.GetProfile() ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist.");
        var projects = grains.GetGrain<IVaProjectsGrain>(tenantId);
        var backlog = await projects.GetCaBacklog();
        if (backlog.Departments.Count > 0 || backlog.Agents.Count > 0)
        {
            await SendDepartmentsAgentsAsync(projects, profile.Name, backlog, cancellationToken);
        }

        var ready = (await projects.GetCaProjects()).ReadyProjectIds;
        if (ready.Count == 0)
        {
            return;
        }

        _chats = new CaChatDelivery(tenantId, connection, log, client, cap, options, metrics, time, logger);
        await _chats.RunAsync(ready, cancellationToken);
    }

    private async Task SendDepartmentsAgentsAsync(IVaProjectsGrain projects, string tenantName, VaCaBacklog backlog, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(projects, tenantName, backlog, cancellationToken);
            return;
        }
        catch (CaRequestRejectedException refused) when (refused.Status != System.Net.HttpStatusCode.Unauthorized)
        {
            logger.LogWarning("CA refused the departments and agents of tenant {Tenant}: {Reason}; sending them project by project",
                tenantId, refused.Message);
        }

        foreach (var part in ByProject(backlog))
        {
            try
            {
                await SendAsync(projects, tenantName, part, cancellationToken);
            }
            catch (CaRequestRejectedException refused) when (refused.Status != System.Net.HttpStatusCode.Unauthorized)
            {
                var projectId = part.EnabledProjectIds[0];
                logger.LogWarning("CA refused project {Project} of tenant {Tenant} for good; held: {Reason}", projectId, tenantId, refused.Message);
                await projects.HoldForCa(projectId, refused.Message);
            }
        }
    }

    private async Task SendAsync(IVaProjectsGrain projects, string tenantName, VaCaBacklog backlog, CancellationToken cancellationToken)
    {
        await client.SendDepartmentsAgentsAsync(connection, VaToCaMapping.ToDepartmentsAgents(tenantId, tenantName, backlog), cancellationToken);
        await projects.MarkAcknowledged(backlog);
        DepartmentsSent += backlog.Departments.Count;
        AgentsSent += backlog.Agents.Count;
    }

    /// <summary>The backlog cut into one part per project (its department, if pending, and its pending agents).</summary>
    private static IEnumerable<VaCaBacklog> ByProject(VaCaBacklog backlog) =>
        backlog.Departments.Select(d => d.ProjectId).Concat(backlog.Agents.Select(a => a.ProjectId)).Distinct()
            .Select(projectId => new VaCaBacklog(
                [projectId],
                backlog.Departments.Where(d => d.ProjectId == projectId).ToList(),
                backlog.Agents.Where(a => a.ProjectId == projectId).ToList()));
}
