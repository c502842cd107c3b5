using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Grains.Outbound;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// One group sync of a tenant: reads the group and all its members, sends CA the new and changed members as agents
/// (and the departed ones as inactive), then places the members on channel shards (<see cref="GenesysMemberShards"/>),
/// assigns each shard whose members changed and retires the emptied ones. CA being absent or failing is recorded and
/// does not stop the sharding: listening to the calls matters more than the agents' names.
/// </summary>
internal sealed class GenesysGroupSync(
    string tenantId,
    GenesysIntegrationState settings,
    GenesysConnection genesys,
    IGrainFactory grains,
    GenesysCloudClient client,
    KnovvuAnalyticsClient ca,
    SecretProtector secrets,
    GenesysSyncOptions options,
    TimeProvider time,
    ILogger logger)
{
    public async Task<GenesysSyncResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var group = await client.GetGroupAsync(genesys, settings.GroupId, cancellationToken);
        var members = (await client.GetGroupMembersAsync(genesys, settings.GroupId, cancellationToken))
            .DistinctBy(m => m.Id, StringComparer.Ordinal).ToList();

        var agents = await SyncAgentsAsync(group, members, cancellationToken);

        var plan = GenesysMemberShards.Plan(settings.Shards, members.Select(m => m.Id).ToList(), GenesysCloudApi.MaxTopicsPerChannel);
        foreach (var shard in plan.Changed)
        {
            await Channel(shard).Assign(new GenesysChannelAssignment(
                genesys.ApiBaseUrl, genesys.LoginBaseUrl, genesys.ClientId, genesys.ClientSecret, plan.Shards[shard]));
        }

        foreach (var shard in plan.Retired)
        {
            await Channel(shard).Retire();
        }

        var channels = plan.Shards.Count(s => s.Count > 0);
        var error = agents.Error;
        if (channels > GenesysCloudApi.MaxChannelsPerClient)
        {
            // Genesys evicts the least recently used channel beyond this: some members' calls reach only the reconciliation.
            error = $"{channels} channels exceed the {GenesysCloudApi.MaxChannelsPerClient} Genesys allows one OAuth client. {error}".Trim();
            logger.LogWarning("Genesys group sync of tenant {Tenant}: {Channels} channels exceed the {Limit} per OAuth client", tenantId, channels, GenesysCloudApi.MaxChannelsPerClient);
        }

        var summary = new GenesysSyncSummary(started, time.GetUtcNow(), group.Name, members.Count, agents.Outcome, agents.Sent,
            agents.Deactivated, channels, plan.Changed.Count, plan.Retired.Count, error);
        logger.LogInformation(
            "Genesys group sync of tenant {Tenant}: {Members} members on {Channels} channels ({Assigned} assigned, {Retired} retired); CA {CaOutcome} ({Sent} sent, {Deactivated} deactivated)",
            tenantId, summary.Members, summary.Channels, summary.ChannelsAssigned, summary.ChannelsRetired, agents.Outcome, agents.Sent, agents.Deactivated);
        return new GenesysSyncResult(plan.Shards, agents.InCa, agents.Target, summary);
    }

    private IGenesysChannelGrain Channel(int shard) =>
        grains.GetGrain<IGenesysChannelGrain>(GenesysChannelKey.For(tenantId, shard));

    private async Task<AgentsOutcome> SyncAgentsAsync(GenesysGroup group, IReadOnlyList<GenesysUser> members, CancellationToken cancellationToken)
    {
        var stored = await grains.GetGrain<ICaIntegrationGrain>(tenantId).GetConnection();
        if (stored is null || !stored.Enabled)
        {
            return new AgentsOutcome(stored is null ? GenesysCaOutcomes.NotConfigured : GenesysCaOutcomes.Disabled, 0, 0,
                settings.AgentsInCa, settings.AgentsInCaTarget, null);
        }

        var target = $"{stored.ServiceBaseUrl} {stored.ClientId}";
        var inCa = settings.AgentsInCaTarget == target
            ? new Dictionary<string, GenesysAgentInCa>(settings.AgentsInCa, StringComparer.Ordinal)
            : new Dictionary<string, GenesysAgentInCa>(StringComparer.Ordinal);

        var memberIds = members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var changes = members
            .Select(m => (UserId: m.Id, Agent: GenesysToCaMapping.Agent(m), Active: true))
            .Where(c => !inCa.TryGetValue(c.UserId, out var known) || known != c.Agent)
            .Concat(inCa.Where(kv => !memberIds.Contains(kv.Key)).Select(kv => (UserId: kv.Key, Agent: kv.Value, Active: false)))
            .ToList();
        if (changes.Count == 0)
        {
            return new AgentsOutcome(GenesysCaOutcomes.Unchanged, 0, 0, inCa, target, null);
        }

        var connection = new CaConnection(tenantId, stored.ServiceBaseUrl, stored.TokenEndpoint, stored.ClientId, secrets.Unprotect(stored.ProtectedClientSecret));
        var (sent, deactivated) = (0, 0);
        try
        {
            foreach (var batch in changes.Chunk(options.AgentsPerCaRequest))
            {
                await ca.SendDepartmentsAgentsAsync(connection, new DepartmentsAgentsRequest
                {
                    // The department goes with every batch: it is an upsert, and CA needs it before its agents.
                    Departments = [GenesysToCaMapping.Department(tenantId, group)],
                    Agents = batch.Select(c => GenesysToCaMapping.ToCaAgent(tenantId, group.Id, c.UserId, c.Agent, c.Active)).ToList(),
                }, cancellationToken);
                foreach (var change in batch)
                {
                    if (change.Active)
                    {
                        inCa[change.UserId] = change.Agent;
                        sent++;
                    }
                    else
                    {
                        inCa.Remove(change.UserId);
                        deactivated++;
                    }
                }
            }

            return new AgentsOutcome(GenesysCaOutcomes.Sent, sent, deactivated, inCa, target, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // What CA acknowledged is kept; the rest goes at the next sync.
            logger.LogWarning(exception, "Genesys group sync of tenant {Tenant}: CA refused or failed; the agents go again at the next sync", tenantId);
            return new AgentsOutcome(GenesysCaOutcomes.Failed, sent, deactivated, inCa, target, $"CA: {exception.Message}");
        }
    }

    private sealed record AgentsOutcome(
        string Outcome, int Sent, int Deactivated, IReadOnlyDictionary<string, GenesysAgentInCa> InCa, string? Target, string? Error);
}
