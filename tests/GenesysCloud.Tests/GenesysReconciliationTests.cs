using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>The nightly reconciliation against the simulator's analytics details query.</summary>
public sealed class GenesysReconciliationTests
{
    [Fact]
    public async Task Reconciliation_imports_exactly_the_group_calls_of_the_last_24_h_missed_while_the_socket_was_down()
    {
        await using var harness = await GenesysIntegrationHarness.StartAsync();
        var members = harness.Org.AddUsers(3);
        var outsider = harness.Org.AddUser();
        await harness.InstallAsync(harness.Org.AddGroup("Agents", members));
        await harness.ListeningAsync(1);

        // Heard on the socket and imported by the importer.
        var heard = Enumerable.Range(0, 3).Select(i => harness.Genesys.Calls.EndCall(members[i].Id)).ToList();
        await Eventually.TrueAsync(() => harness.ImportedAsync().Result.Count == heard.Count, "the heard calls imported");

        // The socket goes down: the channel expires and no new one can be created for a while.
        harness.Genesys.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = GenesysCloudApi.ChannelsPath });
        Assert.True(harness.Genesys.Channels.ExpireChannel(harness.Genesys.Channels.All.Single().Id));
        await Eventually.TrueAsync(() => harness.Integration.GetStatus().Result!.Channels.Single() is { Listening: false }, "the channel down");
        var missed = Enumerable.Range(0, 5).Select(i => harness.Genesys.Calls.EndCall(members[i % 3].Id)).ToList();
        Assert.All(missed, m => Assert.Contains(harness.Genesys.Notifications.Lost, n => n.ConversationId == m.Id));
        // Not to import: a call of someone outside the group, and a member's call that started before the window.
        harness.Genesys.Calls.EndCallWithoutEvent(outsider.Id);
        harness.Genesys.Calls.EndCallWithoutEvent(members[0].Id, new CallOptions { Start = DateTimeOffset.UtcNow.AddHours(-25) });
        harness.Genesys.Faults.Clear();
        await harness.ListeningAsync(1);

        var status = await harness.ReconcileAsync();

        Assert.Equal(heard.Count, status.Importer.Imported);
        Assert.Equal(0, status.Backlog.CallsBeingImported);
        var summary = status.LastReconciliation!;
        Assert.Null(summary.Error);
        Assert.Equal((8, 3, 5, 0, 0), (summary.Found, summary.AlreadyImported, summary.ImportedNow, summary.Pending, summary.Failed));
        var imported = await harness.ImportedAsync();
        Assert.Equal(heard.Concat(missed).Select(c => c.Id).Order(StringComparer.Ordinal), imported.Keys.Order(StringComparer.Ordinal));
        Assert.All(imported.Values, rows => Assert.Equal(1, rows));
        Assert.DoesNotContain(harness.Calls.All, c => missed.Any(m => m.Id == c.ConversationId));
        Assert.Equal(TimeSpan.FromHours(24), summary.IntervalEnd - summary.IntervalStart);

        // A second run finds the same calls, all imported by now.
        summary = (await harness.ReconcileAsync()).LastReconciliation!;
        Assert.Equal((8, 8, 0), (summary.Found, summary.AlreadyImported, summary.ImportedNow));
        Assert.All((await harness.ImportedAsync()).Values, rows => Assert.Equal(1, rows));
    }
}
