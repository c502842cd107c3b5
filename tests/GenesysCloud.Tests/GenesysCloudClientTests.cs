using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>The real Genesys Cloud client, wired as in the silo, against the Genesys Cloud simulator over HTTP.</summary>
public sealed class GenesysCloudClientTests : IAsyncLifetime
{
    private GenesysCloudSimulator _genesys = null!;
    private ServiceProvider _services = null!;
    private GenesysCloudClient _client = null!;

    private GenesysConnection Connection => new("acme", _genesys.BaseUrl, _genesys.LoginBaseUrl, "gc-client", "gc-secret");

    private SimulatedOrg Org => _genesys.Org("org-1");

    public async Task InitializeAsync()
    {
        _genesys = await GenesysCloudSimulator.StartAsync(new() { Clients = [new("gc-client", "gc-secret", "org-1")] });
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddKnovvuGrainServices();
        services.Configure<GenesysCloudClientOptions>(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.RequestsPerSecondPerTenant = 1000;
        });
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<GenesysCloudClient>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _genesys.DisposeAsync();
    }

    [Fact]
    public async Task All_members_of_a_large_group_are_read_page_by_page_with_one_token()
    {
        var group = Org.AddGroup("Knovvu Analytics", Org.AddUsers(1500));

        var members = await _client.GetGroupMembersAsync(Connection, group.Id, default);

        Assert.Equal(group.Members.Select(m => m.Id).Order(), members.Select(m => m.Id).Order());
        Assert.Equal("Knovvu Analytics", (await _client.GetGroupAsync(Connection, group.Id, default)).Name);
        Assert.Single(_genesys.Requests.Entries, e => e.Path.EndsWith("oauth/token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_channel_takes_1000_topics_refuses_more_and_is_reported_gone_once_expired()
    {
        var users = Org.AddUsers(1001);
        var channel = await _client.CreateChannelAsync(Connection, default);
        var topics = users.Select(u => GenesysCloudApi.Topics.UserConversations(u.Id)).ToList();

        var subscribed = await _client.ReplaceSubscriptionsAsync(Connection, channel.Id, topics.Take(1000).ToList(), default);
        var refused = await Assert.ThrowsAsync<GenesysRequestRejectedException>(
            () => _client.ReplaceSubscriptionsAsync(Connection, channel.Id, topics, default));

        Assert.Equal(1000, subscribed.Entities.Count);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.Status);
        Assert.True(await _client.ChannelExistsAsync(Connection, channel.Id, default));
        _genesys.Channels.ExpireChannel(channel.Id);
        Assert.False(await _client.ChannelExistsAsync(Connection, channel.Id, default));
    }

    [Fact]
    public async Task A_request_answered_429_is_sent_again_no_sooner_than_its_Retry_After()
    {
        var group = Org.AddGroup("Throttled", Org.AddUsers(3));
        _genesys.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Path = GenesysCloudApi.GroupMembersPath, Count = 2, RetryAfter = TimeSpan.FromSeconds(1) });

        var members = await _client.GetGroupMembersAsync(Connection, group.Id, default);

        Assert.Equal(3, members.Count);
        var throttles = _genesys.Requests.Throttles(retriesOnly: true);
        Assert.Equal(2, throttles.Count);
        Assert.All(throttles, t => Assert.True(t.RetryAfterRespected, $"sent again after {t.Waited}, Retry-After {t.Throttled.RetryAfter}"));
    }

    [Fact]
    public async Task Recordings_are_null_while_transcoding_then_their_audio_streams_byte_for_byte_without_a_token()
    {
        var call = _genesys.Calls.EndCall(Org.AddUser().Id, new CallOptions { Recordings = 2, AudioBytes = 300_000, TranscodingPolls = 2 });
        var wav = GenesysCloudApi.RecordingFormats.Wav;

        var details = await _client.GetConversationDetailsAsync(Connection, call.Id, default);
        var transcoding = await _client.GetRecordingsAsync(Connection, call.Id, wav, 0, default);
        var stillTranscoding = await _client.GetRecordingForDownloadAsync(Connection, call.Id, call.Recordings[0].Id, wav, default);
        var recordings = await _client.GetRecordingsAsync(Connection, call.Id, wav, 0, default);
        var recording = await _client.GetRecordingForDownloadAsync(Connection, call.Id, call.Recordings[1].Id, wav, default);
        using var audio = new MemoryStream();
        var bytes = await _client.DownloadMediaAsync(Connection, recording!.MediaUris![GenesysCloudApi.SingleMediaKey].MediaUri, audio, default);

        Assert.Equal(call.Start, details.ConversationStart);
        Assert.Null(transcoding);
        Assert.Null(stillTranscoding);
        Assert.Equal(call.Recordings.Select(r => r.Id), recordings!.Select(r => r.Id));
        Assert.Equal(300_000, bytes);
        Assert.Equal(call.Recordings[1].GetAudio(), audio.ToArray());
        // The simulator logs a request once its answer is written, which may be just after the client read the last byte.
        await Eventually.TrueAsync(() => _genesys.Requests.Entries.Any(e => e.Path == GenesysCloudSimulatorEndpoints.MediaPath), "the download logged");
        Assert.Single(_genesys.Requests.Entries, e => e.Path == GenesysCloudSimulatorEndpoints.MediaPath && e.ClientId is null);
    }

    [Fact]
    public async Task A_refused_media_download_fails_for_good_and_a_failing_one_is_retried()
    {
        var call = _genesys.Calls.EndCall(Org.AddUser().Id);
        var media = (await _client.GetRecordingForDownloadAsync(Connection, call.Id, call.Recordings[0].Id, GenesysCloudApi.RecordingFormats.Wav, default))!
            .MediaUris![GenesysCloudApi.SingleMediaKey].MediaUri;
        _genesys.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = GenesysCloudSimulatorEndpoints.MediaPath, Count = 2 });
        using var audio = new MemoryStream();

        await _client.DownloadMediaAsync(Connection, media, audio, default);
        var missing = await Assert.ThrowsAsync<GenesysRequestRejectedException>(
            () => _client.DownloadMediaAsync(Connection, media.Replace(call.Recordings[0].Id, "no-such-recording", StringComparison.Ordinal), Stream.Null, default));

        Assert.Equal(call.Recordings[0].GetAudio(), audio.ToArray());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Wrong_client_credentials_fail_without_retries_and_without_the_secret_in_the_message()
    {
        var wrong = Connection with { ClientSecret = "not-the-secret" };

        var refused = await Assert.ThrowsAsync<GenesysRequestRejectedException>(() => _client.CreateChannelAsync(wrong, default));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.Status);
        Assert.DoesNotContain("not-the-secret", refused.Message);
        Assert.Single(_genesys.Requests.Entries, e => e.Path.EndsWith("oauth/token", StringComparison.Ordinal));
    }
}
