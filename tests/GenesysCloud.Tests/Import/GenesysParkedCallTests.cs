using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.GenesysCloud.Tests.Import;

/// <summary>A call whose recordings never become available uses up its attempts, is parked in the status, and can be offered again.</summary>
public sealed class GenesysParkedCallTests
{
    [Fact]
    public async Task A_call_still_transcoding_after_its_attempts_is_parked_with_its_reason_and_imported_once_offered_again()
    {
        await using var harness = await ImportHarness.StartAsync(agents: 1, o => o.MaxRecordingAttempts = 3);
        var integration = harness.Client.GetGrain<IGenesysIntegrationGrain>(ImportHarness.TenantId);
        // Four 202s: the first import and two reminder retries use up the three attempts; offered again, one more 202, then the audio.
        var call = harness.Genesys.Calls.EndCallWithoutEvent(harness.Agents[0].Id, new CallOptions { TranscodingPolls = 4 });
        var grain = harness.Client.GetGrain<IGenesysCallGrain>(GenesysCallKey.For(ImportHarness.TenantId, call.Id));

        Assert.Equal(GenesysImportOutcome.RecordingsPending, await grain.Import());

        await Eventually.TrueAsync(async () => await grain.GetOutcome() == GenesysImportOutcome.Parked, "the call parked", TimeSpan.FromSeconds(30));
        Assert.Equal(3, call.TranscodingAnswers);
        await Eventually.TrueAsync(async () => await harness.RetryRemindersAsync() == 0, "its retry reminder removed");
        var parked = (await integration.GetStatus())!.Parked;
        Assert.Equal(1, parked.Count);
        var listed = Assert.Single(parked.Latest);
        Assert.Equal((call.Id, 3), (listed.ConversationId, listed.Attempts));
        Assert.Contains("202", listed.Reason, StringComparison.Ordinal);
        // Parked means not tried again: an import from another path (the reconciliation) does not ask Genesys.
        Assert.Equal(GenesysImportOutcome.Parked, await grain.Import());
        await Task.Delay(1500);
        Assert.Equal(3, call.TranscodingAnswers);
        Assert.Equal(0, await harness.QueuedForAnalysisAsync());

        Assert.Equal(1, await integration.OfferParkedAgain());

        await Eventually.TrueAsync(async () => await harness.QueuedForAnalysisAsync() == 1, "imported once offered again", TimeSpan.FromSeconds(30));
        Assert.Equal(GenesysImportOutcome.Imported, await grain.GetOutcome());
        Assert.Equal(0, (await integration.GetStatus())!.Parked.Count);
        Assert.Equal(0, await integration.OfferParkedAgain());
        Assert.Equal(1, (await harness.LoggedGenesysCallsAsync())[call.Id]);
    }
}
