using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>The nightly reconciliation against the simulator's analytics details query.</summary>
public sealed class GenesysReconciliationTests
{
    [Fact]
    public async Task Reconciliation_imports_exactly_the_ended_group_calls_of_the_last_24_h_missed_while_the_socket_was_down()
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
        // Missed too: a long call that started before the 24 h, within the overlap with the previous run.
        missed.Add(harness.Genesys.Calls.EndCallWithoutEvent(members[1].Id, new CallOptions
        {
            Start = DateTimeOffset.UtcNow.AddHours(-24.5),
            Duration = TimeSpan.FromHours(1),
        }));
        // Not to import: a call of someone outside the group, a member's call that ended before the window and
        // overlap, and a call still going (the next run finds it ended).
        harness.Genesys.Calls.EndCallWithoutEvent(outsider.Id);
        harness.Genesys.Calls.EndCallWithoutEvent(members[0].Id, new CallOptions { Start = DateTimeOffset.UtcNow.AddHours(-26) });
        var ongoing = harness.Genesys.Calls.StartCall(members[2].Id);
        harness.Genesys.Faults.Clear();
        await harness.ListeningAsync(1);

        var status = await harness.ReconcileAsync();

        Assert.Equal(heard.Count, status.Importer.Imported);
        Assert.Equal(0, status.Backlog.CallsBeingImported);
        var summary = status.LastReconciliation!;
        Assert.Null(summary.Error);
        Assert.Equal((9, 3, 6, 0, 0, 1), (summary.Found, summary.AlreadyImported, summary.ImportedNow, summary.Pending, summary.Failed, summary.InProgress));
        var imported = await harness.ImportedAsync();
        Assert.Equal(heard.Concat(missed).Select(c => c.Id).Order(StringComparer.Ordinal), imported.Keys.Order(StringComparer.Ordinal));
        Assert.All(imported.Values, rows => Assert.Equal(1, rows));
        // The missed calls never came on the calls stream: the channel reported only the heard ones.
        Assert.Equal(heard.Count, status.Channels.Single().CallsEnded);
        Assert.Equal(TimeSpan.FromHours(25), summary.IntervalEnd - summary.IntervalStart);
        Assert.DoesNotContain(ongoing.Id, imported.Keys);

        // A second run finds the same calls, all imported by now.
        summary = (await harness.ReconcileAsync()).LastReconciliation!;
        Assert.Equal((9, 9, 0), (summary.Found, summary.AlreadyImported, summary.ImportedNow));
        Assert.All((await harness.ImportedAsync()).Values, rows => Assert.Equal(1, rows));
    }

    [Fact]
    public async Task A_missed_call_that_lasted_longer_than_the_window_and_overlap_is_found_by_its_end_time()
    {
        await using var harness = await GenesysIntegrationHarness.StartAsync();
        var member = harness.Org.AddUser();
        await harness.InstallAsync(harness.Org.AddGroup("Agents", [member]));

        // Still going at the previous run (so that run left it), ended two hours ago while no socket heard it: it
        // started 30 h ago, before the 24 h window and its 1 h overlap.
        var now = DateTimeOffset.UtcNow;
        var longCall = harness.Genesys.Calls.EndCallWithoutEvent(member.Id, new CallOptions { Start = now.AddHours(-30), Duration = TimeSpan.FromHours(28) });
        // Ended before the window: the previous run's business, not this one's.
        harness.Genesys.Calls.EndCallWithoutEvent(member.Id, new CallOptions { Start = now.AddHours(-40), Duration = TimeSpan.FromHours(10) });

        var summary = (await harness.ReconcileAsync()).LastReconciliation!;

        Assert.Null(summary.Error);
        Assert.Equal((1, 1), (summary.Found, summary.ImportedNow));
        Assert.Equal([longCall.Id], (await harness.ImportedAsync()).Keys);
    }

    [Fact]
    public async Task A_run_after_days_down_catches_up_from_the_last_complete_run_but_not_past_the_catch_up_limit()
    {
        await using var harness = await GenesysIntegrationHarness.StartAsync();
        var member = harness.Org.AddUser();
        await harness.InstallAsync(harness.Org.AddGroup("Agents", [member]));
        var now = DateTimeOffset.UtcNow;
        SimulatedConversation EndedAgo(TimeSpan ago) =>
            harness.Genesys.Calls.EndCallWithoutEvent(member.Id, new CallOptions { Start = now - ago - TimeSpan.FromMinutes(3), Duration = TimeSpan.FromMinutes(3) });

        // The last complete run was 4 days ago; the cluster has been down since.
        await harness.Integration.SaveReconciliation(Completed(at: now.AddDays(-4)));
        var threeDaysAgo = EndedAgo(TimeSpan.FromDays(3));
        var inTheOverlap = EndedAgo(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(30));
        // Ended before that run's end less the overlap: that run's business (Genesys is asked for it, it is left).
        var beforeTheMark = EndedAgo(TimeSpan.FromDays(4) + TimeSpan.FromHours(2));

        var summary = (await harness.ReconcileAsync()).LastReconciliation!;

        Assert.Null(summary.Error);
        Assert.Equal(now.AddDays(-4).AddHours(-1), summary.IntervalStart);
        Assert.Equal((2, 2), (summary.Found, summary.ImportedNow));
        Assert.Equal(new[] { inTheOverlap.Id, threeDaysAgo.Id }.Order(StringComparer.Ordinal), (await harness.ImportedAsync()).Keys.Order(StringComparer.Ordinal));

        // Down for 10 days this time: the run reaches back 7 days (the catch-up limit), not to the mark; a call that
        // ended before is not imported although Genesys is asked for it (the query reaches a day further back).
        await harness.Integration.SaveReconciliation(Completed(at: now.AddDays(-10)));
        var sixDaysAgo = EndedAgo(TimeSpan.FromDays(6));
        var pastTheLimit = EndedAgo(TimeSpan.FromDays(7.5));

        summary = (await harness.ReconcileAsync()).LastReconciliation!;

        Assert.Null(summary.Error);
        Assert.Equal(TimeSpan.FromDays(7), summary.IntervalEnd - summary.IntervalStart);
        Assert.Equal((4, 2, 2), (summary.Found, summary.AlreadyImported, summary.ImportedNow));
        var imported = (await harness.ImportedAsync()).Keys.ToHashSet();
        Assert.Equal(new HashSet<string> { threeDaysAgo.Id, inTheOverlap.Id, beforeTheMark.Id, sixDaysAgo.Id }, imported);
        Assert.DoesNotContain(pastTheLimit.Id, imported);
    }

    /// <summary>What a run that left nothing behind hands back: its end is the mark the next run reaches back to.</summary>
    private static GenesysReconciliationSummary Completed(DateTimeOffset at) =>
        new(at, at.AddMinutes(1), at.AddHours(-25), at, 0, 0, 0, 0, 0, 0, null);
}
