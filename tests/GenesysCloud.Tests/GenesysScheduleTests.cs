using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>The reminders Install registers: the periodic group sync and the reconciliation at its UTC time of day.</summary>
public sealed class GenesysScheduleTests
{
    [Fact]
    public async Task The_group_sync_repeats_on_its_own_and_the_reconciliation_runs_at_its_time_of_day()
    {
        await using var harness = await GenesysIntegrationHarness.StartAsync(o =>
        {
            o.GroupSyncPeriod = TimeSpan.FromSeconds(1);
            o.ReconcileAtUtc = (DateTime.UtcNow - TimeSpan.FromHours(1)).TimeOfDay;
        });
        var group = harness.Org.AddGroup("Agents", harness.Org.AddUsers(2));
        var installation = harness.Installation(group);
        await harness.InstallAsync(group);

        var joining = harness.Org.AddUser();
        group.AddMembers(joining);
        await Eventually.TrueAsync(() => harness.Genesys.Channels.All.Any(c => c.IsConnected && c.Topics.Contains(GenesysCloudApi.Topics.UserConversations(joining.Id))),
            "the new member listened to without a manual sync", TimeSpan.FromSeconds(15));
        var missed = harness.Genesys.Calls.EndCallWithoutEvent(joining.Id);
        Assert.Null((await harness.Integration.GetStatus())!.LastReconciliation);

        // Installing again registers the reconciliation for the configured time of day: two seconds from now.
        var reconcileAt = (DateTime.UtcNow + TimeSpan.FromSeconds(2)).TimeOfDay;
        harness.Services.GetRequiredService<IOptions<GenesysSyncOptions>>().Value.ReconcileAtUtc = reconcileAt;
        await harness.Integration.Install(installation);

        await Eventually.TrueAsync(() => harness.Integration.GetStatus().Result?.LastReconciliation is not null, "the reconciliation ran at its time", TimeSpan.FromSeconds(15));
        var reconciliation = (await harness.Integration.GetStatus())!.LastReconciliation!;
        Assert.True(reconciliation.StartedAt.TimeOfDay >= reconcileAt || reconciliation.StartedAt.TimeOfDay < TimeSpan.FromSeconds(10),
            $"started at {reconciliation.StartedAt:o}, due at {reconcileAt}");
        Assert.Equal([missed.Id], (await harness.ImportedAsync()).Keys);
    }
}
