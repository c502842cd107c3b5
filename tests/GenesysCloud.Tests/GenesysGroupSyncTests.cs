using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>The group sync on real PostgreSQL against the simulators: CA agents, members sharded over channels.</summary>
public sealed class GenesysGroupSyncTests
{
    [Fact]
    public async Task Fifteen_hundred_members_become_CA_agents_and_two_channels_of_1000_and_500_without_churn_on_the_next_sync()
    {
        await using var harness = await GenesysIntegrationHarness.StartAsync();
        await harness.ConfigureCaAsync();
        var group = harness.Org.AddGroup("Knovvu Analytics", harness.Org.AddUsers(1500));

        var status = await harness.InstallAsync(group);
        await harness.ListeningAsync(2);

        Assert.Null(status.LastSync!.Error);
        Assert.Equal((1500, GenesysCaOutcomes.Sent, 1500, 2, 2), (status.LastSync.Members, status.LastSync.CaOutcome, status.LastSync.AgentsSentToCa, status.LastSync.Channels, status.LastSync.ChannelsAssigned));
        var channels = harness.Genesys.Channels.All;
        Assert.Equal([500, 1000], channels.Select(c => c.Topics.Count).Order());
        Assert.Equal(group.Members.Select(m => GenesysCloudApi.Topics.UserConversations(m.Id)).Order(StringComparer.Ordinal),
            channels.SelectMany(c => c.Topics).Order(StringComparer.Ordinal));
        var department = Assert.Single(harness.Ca.Received.Departments);
        Assert.Equal((GenesysToCaMapping.DepartmentExternalId(GenesysIntegrationHarness.Tenant, group.Id), "Knovvu Analytics"), (department.ExternalId, department.Value.Name));
        Assert.Equal(group.Members.Select(m => GenesysToCaMapping.AgentExternalId(GenesysIntegrationHarness.Tenant, m.Id)).Order(StringComparer.Ordinal),
            harness.Ca.Received.Agents.Select(a => a.ExternalId).Order(StringComparer.Ordinal));
        Assert.All(harness.Ca.Received.Agents, a => Assert.True(a.Value.IsActive));

        // Nothing changed: CA is not sent anything and no channel is resubscribed or reconnected.
        var caRequests = harness.Ca.Requests.Entries.Count;
        var connections = channels.Sum(c => c.Connections);
        status = await harness.SyncAsync();
        Assert.Equal((GenesysCaOutcomes.Unchanged, 0, 0), (status.LastSync!.CaOutcome, status.LastSync.ChannelsAssigned, status.LastSync.ChannelsRetired));
        Assert.Equal(caRequests, harness.Ca.Requests.Entries.Count);
        Assert.Equal(connections, harness.Genesys.Channels.All.Sum(c => c.Connections));

        // One member leaves the full shard and three join: they fill the 1,000 shard's free place, then the other.
        var full = channels.Single(c => c.Topics.Count == 1000);
        var leaving = group.Members.Single(m => m.Id == full.Topics[0].Split('.')[2]);
        group.RemoveMember(leaving.Id);
        var joining = harness.Org.AddUsers(3);
        group.AddMembers(joining);
        status = await harness.SyncAsync();
        await harness.ListeningAsync(2);

        Assert.Equal((1502, 3, 1, 2, 0), (status.LastSync!.Members, status.LastSync.AgentsSentToCa, status.LastSync.AgentsDeactivatedInCa, status.LastSync.ChannelsAssigned, status.LastSync.ChannelsRetired));
        await Eventually.TrueAsync(() => harness.Genesys.Channels.All.Select(c => c.Topics.Count).Order().SequenceEqual([502, 1000]),
            "both channels resubscribed with their new members");
        // Resubscribed in place: no socket was reconnected, so no event of the other members was lost meanwhile.
        Assert.Equal(connections, harness.Genesys.Channels.All.Sum(c => c.Connections));
        Assert.DoesNotContain(GenesysCloudApi.Topics.UserConversations(leaving.Id), harness.Genesys.Channels.All.SelectMany(c => c.Topics));
        Assert.False(harness.Ca.Received.Agents.Single(a => a.ExternalId == GenesysToCaMapping.AgentExternalId(GenesysIntegrationHarness.Tenant, leaving.Id)).Value.IsActive);
        Assert.Equal(1502, (await harness.Integration.GetStatus())!.SubscribedMembers);
    }

    [Fact]
    public async Task A_member_removed_from_the_group_is_unsubscribed_after_the_next_sync_and_an_emptied_shard_is_retired()
    {
        await using var harness = await GenesysIntegrationHarness.StartAsync();
        var members = harness.Org.AddUsers(1001);
        var group = harness.Org.AddGroup("Small", members);

        var status = await harness.InstallAsync(group);
        await harness.ListeningAsync(2);
        // No CA settings: recorded, and the sharding happened all the same.
        Assert.Equal(GenesysCaOutcomes.NotConfigured, status.LastSync!.CaOutcome);
        var lone = harness.Genesys.Channels.All.Single(c => c.Topics.Count == 1);
        var loneMember = lone.Topics[0].Split('.')[2];
        var removed = members.First(m => m.Id != loneMember);

        group.RemoveMember(removed.Id);
        group.RemoveMember(loneMember);
        status = await harness.SyncAsync();

        Assert.Equal((999, 1, 1, 1), (status.LastSync!.Members, status.LastSync.Channels, status.LastSync.ChannelsAssigned, status.LastSync.ChannelsRetired));
        // The channels apply their new members in the background, right after the sync.
        await Eventually.TrueAsync(() => harness.Genesys.Channels.All.Select(c => c.Topics.Count).Where(n => n > 0).SequenceEqual([999]),
            "the retired channel's topics deleted, the other's replaced");
        var live = harness.Genesys.Channels.All.Single(c => c.Topics.Count > 0);
        Assert.DoesNotContain(GenesysCloudApi.Topics.UserConversations(removed.Id), live.Topics);
        await Eventually.TrueAsync(() => harness.Genesys.Channels.Find(lone.Id) is not { IsConnected: true }, "the retired channel's socket closed");
        Assert.Single((await harness.Integration.GetStatus())!.Channels);

        // Calls of a removed member are no longer listened to; calls of the others still are.
        var unheard = harness.Genesys.Calls.EndCall(removed.Id);
        var kept = harness.Genesys.Calls.EndCall(members.First(m => m.Id != removed.Id && m.Id != loneMember).Id);
        await Eventually.TrueAsync(async () => (await harness.ImportedAsync()).ContainsKey(kept.Id), "the member's call imported");
        // Both calls would come on the remaining channel's socket, the removed member's first: only one came.
        Assert.Equal(1, (await harness.Integration.GetStatus())!.Channels.Single().CallsEnded);
        Assert.DoesNotContain(unheard.Id, (await harness.ImportedAsync()).Keys);

        // CA configured later: the next sync sends every member.
        await harness.ConfigureCaAsync();
        status = await harness.SyncAsync();
        Assert.Equal((GenesysCaOutcomes.Sent, 999), (status.LastSync!.CaOutcome, status.LastSync.AgentsSentToCa));
        Assert.Equal(999, harness.Ca.Received.Agents.Count);
    }
}
