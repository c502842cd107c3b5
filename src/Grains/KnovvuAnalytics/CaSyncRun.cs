using System.Diagnostics;
using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.Telemetry;
using KnovvuOrleans.Grains.VirtualAgent;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// One run of a tenant's hourly VA → CA job: the departments and agents CA has not acknowledged, then up to the
/// hourly cap of published sessions not sent yet, oldest first. Each is marked only after CA acknowledged it, so
/// what failed goes at the next run and nothing acknowledged is sent again; a run cut short by a crash is finished
/// by the next one, and CA's idempotency by ExternalId absorbs a chat sent twice in between.
/// </summary>
internal sealed class CaSyncRun(
    string tenantId,
    CaConnection connection,
    IGrainFactory grains,
    IConversationLog log,
    KnovvuAnalyticsClient client,
    CaSyncOptions options,
    KnovvuMetrics metrics,
    ILogger logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int DepartmentsSent { get; private set; }

    public int AgentsSent { get; private set; }

    private int _sessionsSent;

    public int SessionsSent => _sessionsSent;

    public int SessionsLeft { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        var profile = await tenant.GetProfile() ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist.");
        var cap = (await tenant.GetFeatures())!.VaToCa.SessionsPerHourCap;
        var projects = grains.GetGrain<IVaProjectsGrain>(tenantId);
        var backlog = await projects.GetCaBacklog();

        if (backlog.Departments.Count > 0 || backlog.Agents.Count > 0)
        {
            await client.SendDepartmentsAgentsAsync(connection, VaToCaMapping.ToDepartmentsAgents(tenantId, profile.Name, backlog), cancellationToken);
            await projects.MarkAcknowledged(backlog);
            (DepartmentsSent, AgentsSent) = (backlog.Departments.Count, backlog.Agents.Count);
        }

        if (backlog.EnabledProjectIds.Count == 0)
        {
            return;
        }

        var due = await log.ReadUnsentToCaAsync(tenantId, backlog.EnabledProjectIds, cap, cancellationToken);
        try
        {
            await SendAsync(due, cancellationToken);
        }
        finally
        {
            SessionsLeft = await log.CountUnsentToCaAsync(tenantId, backlog.EnabledProjectIds, CancellationToken.None);
        }
    }

    private Task SendAsync(IReadOnlyList<ConversationRecord> due, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (record, token) =>
            {
                var session = JsonSerializer.Deserialize<VaSession>(record.Document, Json)!;
                // Under the trace the session was recorded in: its CA request (HttpClient's span) joins that trace.
                using var span = record.TraceParent is null ? null : KnovvuTracing.StartUnder(record.TraceParent, "send session to CA", ActivityKind.Internal);
                try
                {
                    await client.SendChatAsync(connection, VaToCaMapping.ToChat(tenantId, session, record.IsCall), token);
                }
                catch (CaRequestRejectedException rejected)
                {
                    // Refused for this chat alone: the others go on; it is offered again at the next run.
                    metrics.CaRefused(tenantId);
                    logger.LogWarning("CA refused session {Session} of tenant {Tenant}: {Reason}", record.ExternalId, tenantId, rejected.Message);
                    return;
                }

                await log.MarkSentToCaAsync(tenantId, record.ExternalId, token);
                Interlocked.Increment(ref _sessionsSent);
                metrics.SentToCa(tenantId);
            });
}
