using System.Net;
using System.Net.Http.Json;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>Recordings: 202 while transcoding, then media URIs whose audio bytes a test can compare with the simulator's.</summary>
public sealed class RecordingTests
{
    [Fact]
    public async Task Recordings_answer_202_while_transcoding_then_200_with_media_whose_bytes_match()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var call = genesys.Simulator.Calls.EndCall(genesys.Org.AddUser().Id, new CallOptions { Recordings = 2, TranscodingPolls = 2 });
        var token = await genesys.TokenAsync();

        var statuses = new List<HttpStatusCode>();
        List<RecordingMetadata> listed;
        do
        {
            using var response = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Recordings(call.Id), token);
            statuses.Add(response.StatusCode);
            listed = (await response.Content.ReadFromJsonAsync<List<RecordingMetadata>>())!;
            Assert.Equal(response.StatusCode == HttpStatusCode.OK, listed.All(r => r.MediaUris is not null));
        }
        while (statuses[^1] == HttpStatusCode.Accepted);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.OK], statuses);
        Assert.Equal(call.Recordings.Select(r => r.Id), listed.Select(r => r.Id));
        Assert.Equal(call.Start, listed[0].StartTime);
        Assert.Equal(call.End, listed[1].EndTime);
        foreach (var (metadata, recording) in listed.Zip(call.Recordings))
        {
            var audio = await genesys.Http.GetByteArrayAsync(metadata.MediaUris![GenesysCloudApi.SingleMediaKey].MediaUri);
            Assert.Equal(recording.GetAudio(), audio);
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(audio, 0, 4));
        }

        Assert.NotEqual(call.Recordings[0].GetAudio(), call.Recordings[1].GetAudio());
        Assert.Equal(2, call.TranscodingAnswers);
    }

    [Fact]
    public async Task Transcoding_time_runs_on_the_simulator_clock()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-08-26T07:00:00Z"));
        await using var genesys = await GenesysHarness.StartAsync(o => o.TimeProvider = clock);
        var call = genesys.Simulator.Calls.EndCall(genesys.Org.AddUser().Id, new CallOptions { TranscodingTime = TimeSpan.FromMinutes(2) });
        var token = await genesys.TokenAsync();

        using var early = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Recordings(call.Id), token);
        clock.Advance(TimeSpan.FromMinutes(2));
        using var ready = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Recordings(call.Id), token);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (early.StatusCode, ready.StatusCode));
    }

    [Fact]
    public async Task One_recording_with_download_gives_its_media_URI()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var call = genesys.Simulator.Calls.EndCall(genesys.Org.AddUser().Id, new CallOptions { AudioBytes = 100_000 });
        var recording = call.Recordings.Single();
        var token = await genesys.TokenAsync();

        var metadata = await genesys.GetAsync<RecordingMetadata>(GenesysCloudApi.Recording(call.Id, recording.Id), token);
        var audio = await genesys.Http.GetByteArrayAsync(metadata.MediaUris![GenesysCloudApi.SingleMediaKey].MediaUri);
        using var unknown = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Recording(call.Id, Guid.NewGuid().ToString()), token);

        Assert.Equal((recording.Id, call.Id, "audio"), (metadata.Id, metadata.ConversationId, metadata.Media));
        Assert.Equal(100_000, audio.Length);
        Assert.Equal(recording.GetAudio(), audio);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_call_without_recordings_has_an_empty_list()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var call = genesys.Simulator.Calls.EndCall(genesys.Org.AddUser().Id, new CallOptions { Recordings = 0 });

        var listed = await genesys.GetAsync<List<RecordingMetadata>>(GenesysCloudApi.Recordings(call.Id), await genesys.TokenAsync());

        Assert.Empty(listed);
        Assert.Null(call.Details.Participants.Single(p => p.Purpose == GenesysCloudApi.Purposes.Agent).Sessions[0].Recording);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?formatId=MP3")]
    [InlineData("?formatId=FLAC")]
    [InlineData("?formatId=WAV&maxWaitMs=soon")]
    public async Task Only_WAV_is_served(string query)
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var call = genesys.Simulator.Calls.EndCall(genesys.Org.AddUser().Id);

        using var response = await genesys.SendAsync(HttpMethod.Get, $"api/v2/conversations/{call.Id}/recordings{query}", await genesys.TokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, call.TranscodingAnswers);
    }

    [Fact]
    public async Task Media_of_an_unknown_recording_is_a_404()
    {
        await using var genesys = await GenesysHarness.StartAsync();

        using var response = await genesys.Http.GetAsync($"media/{Guid.NewGuid()}.wav");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
