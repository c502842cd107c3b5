using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>The reminders Install registers: the periodic group sync and the reconciliation at its UTC time of day.</summary>
public sealed class GenesysScheduleTests
{
    [Fact]
    public async Task The_group_sync_repeats_on_its_own_and_the_reconciliation_runs_at_its_time_of_day()
    {
        // The reconciliation is due three seconds from now (as a UTC time of day); the group sync every second.
        var reconcileAt = (DateTime.UtcNow + TimeSpan.FromSeconds(3)).TimeOfDay;
        await using var harness = await GenesysIntegrationHarness.StartAsync(o =>
        {
            o.GroupSyncPeriod = TimeSpan.FromSeconds(1);
            o.ReconcileAtUtc = reconcileAt;
        });
        var group = harness.Org.AddGroup("Agents", harness.Org.AddUsers(2));
        var status = await harness.InstallAsync(group);
        Assert.Null(status.LastReconciliation);

        var joining = harness.Org.AddUser();
        group.AddMembers(joining);
        await Eventually.TrueAsync(() => harness.Genesys.Channels.All.Any(c => c.IsConnected && c.Topics.Contains(GenesysCloudApi.Topics.UserConversations(joining.Id))),
            "the new member listened to without a manual sync", TimeSpan.FromSeconds(15));

        var missed = harness.Genesys.Calls.EndCallWithoutEvent(joining.Id);
        await Eventually.TrueAsync(() => harness.Integration.GetStatus().Result?.LastReconciliation is not null, "the reconciliation ran at its time", TimeSpan.FromSeconds(15));
        var reconciliation = (await harness.Integration.GetStatus())!.LastReconciliation!;
        Assert.True(reconciliation.StartedAt.TimeOfDay >= reconcileAt || reconciliation.StartedAt.TimeOfDay < TimeSpan.FromSeconds(10),
            $"started at {reconciliation.StartedAt:o}, due at {reconcileAt}");
        Assert.Equal([missed.Id], harness.Imports.Imported);
    }
}
