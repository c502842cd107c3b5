using System.Diagnostics;
using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;
using Xunit.Abstractions;

namespace KnovvuOrleans.GenesysCloud.Tests.Import;

/// <summary>
/// Genesys calls imported end to end: the simulator's websocket, the channel grain, the durable calls stream, the
/// importer and the call grains, on real PostgreSQL and the Swift S3 server.
/// </summary>
public sealed class GenesysImportTests(ITestOutputHelper output)
{
    private static GenesysImportOutcome?[] Done => [GenesysImportOutcome.Imported];

    [Fact]
    public async Task Five_hundred_calls_of_fifty_agents_are_each_imported_once_with_their_audio_byte_for_byte()
    {
        await using var harness = await ImportHarness.StartAsync(agents: 50);
        await harness.ListenAsync();
        var watch = Stopwatch.StartNew();

        // Mostly one recording; some two, some none; sizes vary so that a mixed-up key shows.
        var calls = Enumerable.Range(0, 500).Select(i => harness.Genesys.Calls.EndCall(harness.Agents[i % 50].Id, new CallOptions
        {
            Recordings = i % 25 == 0 ? 0 : i % 5 == 0 ? 2 : 1,
            AudioBytes = 4096 + (i * 97),
            Direction = i % 3 == 0 ? "outbound" : "inbound",
        })).ToList();

        await Eventually.TrueAsync(async () => await harness.QueuedForAnalysisAsync() == 500, "500 calls queued for analysis", TimeSpan.FromSeconds(60));
        output.WriteLine($"500 calls imported {watch.Elapsed.TotalSeconds:F1} s after the first ended");
        await Eventually.TrueAsync(() => harness.Feed.CreatedEventIdsByConversation.Count == 500, "500 Created events published");

        var logged = await harness.LoggedGenesysCallsAsync();
        Assert.Equal(calls.Select(c => c.Id).Order(), logged.Keys.Order());
        Assert.All(logged.Values, rows => Assert.Equal(1, rows));
        Assert.All(calls, c => Assert.Equal(1, harness.Feed.CreatedEventIdsByConversation[c.Id]));
        Assert.All(calls.SelectMany(c => c.Recordings), r => Assert.Equal(1, harness.Downloads(r)));
        await harness.AssertAudioStoredAsync(calls);
        foreach (var call in calls.Where((_, i) => i % 50 == 0 || i % 50 == 5))
        {
            var document = await harness.DocumentOfAsync(call.Id);
            Assert.Equal(JsonSerializer.Serialize(call.Details), JsonSerializer.Serialize(document.Details));
            Assert.Equal(call.Recordings.Select(r => (r.Id, (long)r.GetAudio().Length)), document.Recordings.Select(r => (r.RecordingId, r.Bytes)));
            var created = harness.Feed.CreatedBodyOf(call.Id)!;
            Assert.Contains($"\"{GenesysToCaMapping.AgentExternalId(ImportHarness.TenantId, call.AgentUserId)}\"", created, StringComparison.Ordinal);
            Assert.Contains(call.Id, created, StringComparison.Ordinal);
        }

        // The importer counts a call once its import returned, a little after the call was queued.
        await Eventually.TrueAsync(async () => (await harness.ImporterStatusAsync()).Imported == 500, "the importer counted 500 imports");
        var status = await harness.ImporterStatusAsync();
        Assert.Equal(0, status.Backlog);
        Assert.Equal(calls.Max(c => c.End), status.LastEventAt);
    }

    [Fact]
    public async Task Calls_whose_recordings_are_still_transcoding_are_imported_later_by_their_reminder_also_after_a_crash()
    {
        // Retries far enough apart that none starts before the crash: one cut short by it would download again.
        await using var harness = await ImportHarness.StartAsync(agents: 2, o => o.RecordingRetryDelay = TimeSpan.FromSeconds(5));
        var byPolls = Enumerable.Range(0, 5).Select(_ => harness.Genesys.Calls.EndCallWithoutEvent(harness.Agents[0].Id, new CallOptions { TranscodingPolls = 3 }));
        var byTime = Enumerable.Range(0, 5).Select(_ => harness.Genesys.Calls.EndCallWithoutEvent(harness.Agents[1].Id, new CallOptions { TranscodingTime = TimeSpan.FromSeconds(4) }));
        var calls = byPolls.Concat(byTime).ToList();

        var first = await Task.WhenAll(calls.Select(c => CallGrain(harness, c).Import()));

        Assert.All(first, outcome => Assert.Equal(GenesysImportOutcome.RecordingsPending, outcome));
        Assert.All(await Task.WhenAll(calls.Select(c => CallGrain(harness, c).GetOutcome())), o => Assert.Equal(GenesysImportOutcome.RecordingsPending, o));
        Assert.Equal(10, await harness.RetryRemindersAsync());
        Assert.Equal(0, await harness.QueuedForAnalysisAsync());

        // The silo dies with every call pending: only the reminders in PostgreSQL can finish the job.
        await harness.ReplaceSiloAsync();

        await Eventually.TrueAsync(async () => await harness.QueuedForAnalysisAsync() == 10, "the 10 calls imported on the new silo", TimeSpan.FromSeconds(30));
        Assert.All(await Task.WhenAll(calls.Select(c => CallGrain(harness, c).GetOutcome())), o => Assert.Contains(o, Done));
        await Eventually.TrueAsync(async () => await harness.RetryRemindersAsync() == 0, "the retry reminders removed");
        Assert.All(calls.Take(5), c => Assert.Equal(3, c.TranscodingAnswers));
        Assert.All(calls.Skip(5), c => Assert.True(c.TranscodingAnswers >= 1));
        Assert.All((await harness.LoggedGenesysCallsAsync()).Values, rows => Assert.Equal(1, rows));
        Assert.All(calls.SelectMany(c => c.Recordings), r => Assert.Equal(1, harness.Downloads(r)));
        await harness.AssertAudioStoredAsync(calls);
        await Eventually.TrueAsync(() => calls.All(c => harness.Feed.CreatedEventIdsByConversation.GetValueOrDefault(c.Id) == 1), "one Created each");
    }

    [Fact]
    public async Task A_large_recording_goes_to_S3_through_a_temp_file_byte_for_byte()
    {
        await using var harness = await ImportHarness.StartAsync(agents: 1);
        var call = harness.Genesys.Calls.EndCallWithoutEvent(harness.Agents[0].Id, new CallOptions { Recordings = 1, AudioBytes = 16 * 1024 * 1024 });

        Assert.Equal(GenesysImportOutcome.Imported, await CallGrain(harness, call).Import());

        await harness.AssertAudioStoredAsync([call]);
        Assert.Equal(call.Recordings[0].GetAudio().Length, (await harness.DocumentOfAsync(call.Id)).Recordings.Single().Bytes);
    }

    [Fact]
    public async Task A_call_imported_from_several_paths_at_once_is_imported_once()
    {
        await using var harness = await ImportHarness.StartAsync(agents: 4);
        await harness.ListenAsync();

        // Each call: its websocket event, a repeated event on the stream, and three direct imports, all at once.
        var calls = Enumerable.Range(0, 20).Select(i => harness.Genesys.Calls.EndCall(harness.Agents[i % 4].Id)).ToList();
        var direct = calls.SelectMany(c => Enumerable.Range(0, 3).Select(_ => CallGrain(harness, c).Import())).ToList();
        await Task.WhenAll(calls.Select(c => harness.PublishCallsEndedAsync([c])));
        var outcomes = await Task.WhenAll(direct);

        await Eventually.TrueAsync(async () => await harness.QueuedForAnalysisAsync() == 20, "20 calls queued");
        await Eventually.TrueAsync(
            async () => await harness.ImporterStatusAsync() is { CallsReceived: 40, Backlog: 0 },
            "both events of each call delivered to the importer and handled");
        var importer = await harness.ImporterStatusAsync();
        Assert.All(outcomes, o => Assert.True(o is GenesysImportOutcome.Imported or GenesysImportOutcome.AlreadyImported, $"{o}"));
        Assert.Equal(20, outcomes.Count(o => o == GenesysImportOutcome.Imported) + importer.Imported);
        Assert.Equal(20, (await harness.LoggedGenesysCallsAsync()).Count);
        Assert.All(calls.SelectMany(c => c.Recordings), r => Assert.Equal(1, harness.Downloads(r)));
        await Eventually.TrueAsync(() => calls.All(c => harness.Feed.CreatedEventIdsByConversation.GetValueOrDefault(c.Id) == 1), "one Created each");
        await Task.Delay(500);
        Assert.All(calls, c => Assert.Equal(1, harness.Feed.CreatedEventIdsByConversation[c.Id]));
    }

    [Fact]
    public async Task A_batch_longer_than_its_time_budget_fails_and_is_finished_by_its_redeliveries_without_duplicates()
    {
        await using var harness = await ImportHarness.StartAsync(agents: 2, o =>
        {
            o.BatchTimeBudget = TimeSpan.FromMilliseconds(300);
            o.MaxConcurrentImportsPerTenant = 2;
        });
        harness.Genesys.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Path = GenesysCloudApi.ConversationDetailsPath, Delay = TimeSpan.FromMilliseconds(100) });
        var calls = Enumerable.Range(0, 30).Select(i => harness.Genesys.Calls.EndCallWithoutEvent(harness.Agents[i % 2].Id)).ToList();

        // One batch of 30 calls, 2 at a time at 100 ms or more each: far beyond 300 ms.
        await harness.PublishCallsEndedAsync(calls);

        await Eventually.TrueAsync(async () => await harness.QueuedForAnalysisAsync() == 30, "30 calls queued");
        await Eventually.TrueAsync(async () => (await harness.ImporterStatusAsync()).Imported == 30, "the importer counted 30 imports");
        var status = await harness.ImporterStatusAsync();
        Assert.True(status.CallsReceived >= 60, $"the batch was delivered {status.CallsReceived / 30.0} times");
        Assert.All((await harness.LoggedGenesysCallsAsync()).Values, rows => Assert.Equal(1, rows));
        Assert.All(calls.SelectMany(c => c.Recordings), r => Assert.Equal(1, harness.Downloads(r)));
    }

    [Fact]
    public async Task The_importers_counts_survive_its_silo_dying()
    {
        await using var harness = await ImportHarness.StartAsync(agents: 2);
        // Ends a minute apart: the repeat below is of the earliest call, which must not move the last end back.
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var calls = Enumerable.Range(0, 3).Select(i => harness.Genesys.Calls.EndCallWithoutEvent(harness.Agents[i % 2].Id,
            new CallOptions { Start = start.AddMinutes(i) })).ToList();
        await harness.PublishCallsEndedAsync(calls);
        await Eventually.TrueAsync(async () => (await harness.ImporterStatusAsync()).Imported == 3, "the importer counted 3 imports");
        await harness.PublishCallsEndedAsync(calls.Take(1));
        await Eventually.TrueAsync(async () => (await harness.ImporterStatusAsync()).AlreadyImported == 1, "the repeat counted");

        await harness.ReplaceSiloAsync();

        var status = await harness.ImporterStatusAsync();
        Assert.Equal((4, 3, 1, 0), (status.CallsReceived, status.Imported, status.AlreadyImported, status.Backlog));
        Assert.Equal(calls.Max(c => c.End), status.LastEventAt);
    }

    [Fact]
    public async Task Throttled_imports_wait_out_each_Retry_After_and_still_import_every_call()
    {
        await using var harness = await ImportHarness.StartAsync(agents: 5);
        await harness.ListenAsync();
        foreach (var path in new[]
                 {
                     GenesysCloudApi.ConversationDetailsPath, GenesysCloudApi.RecordingsPath, GenesysCloudApi.RecordingPath,
                     GenesysCloudSimulatorEndpoints.MediaPath,
                 })
        {
            harness.Genesys.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Path = path, Count = 2, RetryAfter = TimeSpan.FromSeconds(1) });
        }

        var calls = Enumerable.Range(0, 20).Select(i => harness.Genesys.Calls.EndCall(harness.Agents[i % 5].Id)).ToList();

        await Eventually.TrueAsync(async () => await harness.QueuedForAnalysisAsync() == 20, "20 calls queued");
        var throttles = harness.Genesys.Requests.Throttles(retriesOnly: true);
        Assert.Equal(8, throttles.Count);
        Assert.All(throttles, t =>
        {
            Assert.NotNull(t.Next);
            Assert.True(t.RetryAfterRespected, $"{t.Throttled.Path} sent again after {t.Waited}, Retry-After {t.Throttled.RetryAfter}");
        });
        Assert.All((await harness.LoggedGenesysCallsAsync()).Values, rows => Assert.Equal(1, rows));
        await harness.AssertAudioStoredAsync(calls);
    }

    private static IGenesysCallGrain CallGrain(ImportHarness harness, SimulatedConversation call) =>
        harness.Client.GetGrain<IGenesysCallGrain>(GenesysCallKey.For(ImportHarness.TenantId, call.Id));
}
