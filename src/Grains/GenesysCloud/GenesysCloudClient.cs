using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Outbound;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// The Genesys Cloud Platform API calls the integration makes (reference/genesys-cloud.md): groups and their
/// members, notification channels and their subscriptions, a conversation's details and recordings, and the
/// recordings' audio. Tokens are client credentials with HTTP Basic auth on the
/// login host; every request goes through the tenant's limits and resilience pipeline, and a 429 is retried no
/// sooner than its Retry-After.
/// </summary>
public sealed class GenesysCloudClient(IHttpClientFactory http)
{
    public const string HttpClientName = "GenesysCloud";

    private readonly OutboundHttp _outbound = new(http, HttpClientName);

    public Task<GenesysGroup> GetGroupAsync(GenesysConnection connection, string groupId, CancellationToken cancellationToken) =>
        ReadAsync<GenesysGroup>(connection, HttpMethod.Get, GenesysCloudApi.Group(groupId), null, cancellationToken);

    /// <summary>Every member of the group (owners, individuals, dynamic members), all pages.</summary>
    public async Task<IReadOnlyList<GenesysUser>> GetGroupMembersAsync(GenesysConnection connection, string groupId, CancellationToken cancellationToken)
    {
        var members = new List<GenesysUser>();
        for (var page = 1; ; page++)
        {
            var listing = await ReadAsync<UserEntityListing>(connection, HttpMethod.Get,
                GenesysCloudApi.GroupMembers(groupId, GenesysCloudApi.MaxPageSize, page), null, cancellationToken);
            members.AddRange(listing.Entities);
            if (page >= listing.PageCount || listing.Entities.Count == 0)
            {
                return members;
            }
        }
    }

    public Task<NotificationChannel> CreateChannelAsync(GenesysConnection connection, CancellationToken cancellationToken) =>
        ReadAsync<NotificationChannel>(connection, HttpMethod.Post, GenesysCloudApi.ChannelsPath, null, cancellationToken);

    /// <summary>Replaces the channel's topics (at most <see cref="GenesysCloudApi.MaxTopicsPerChannel"/>); this also extends its life.</summary>
    public Task<ChannelTopicEntityListing> ReplaceSubscriptionsAsync(
        GenesysConnection connection, string channelId, IReadOnlyCollection<string> topics, CancellationToken cancellationToken) =>
        ReadAsync<ChannelTopicEntityListing>(connection, HttpMethod.Put, GenesysCloudApi.Subscriptions(channelId),
            topics.Select(t => new ChannelTopic { Id = t }).ToList(), cancellationToken);

    /// <summary>Removes every topic of the channel (a retired shard); a channel already gone counts as done.</summary>
    public async Task DeleteSubscriptionsAsync(GenesysConnection connection, string channelId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(connection, HttpMethod.Delete, GenesysCloudApi.Subscriptions(channelId), null, cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(connection, response, cancellationToken);
        }
    }

    /// <summary>
    /// The conversations that started in [start, end), every page of the analytics details query, asked in intervals of
    /// at most <see cref="GenesysCloudApi.MaxQueryInterval"/>. Genesys matches whole UTC days of the start time, so a
    /// conversation near a boundary may come twice or from just outside: the caller filters by its own times.
    /// </summary>
    public async Task<IReadOnlyList<AnalyticsConversation>> QueryConversationsAsync(
        GenesysConnection connection, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var conversations = new List<AnalyticsConversation>();
        for (var from = start; from < end; from += GenesysCloudApi.MaxQueryInterval)
        {
            var to = from + GenesysCloudApi.MaxQueryInterval < end ? from + GenesysCloudApi.MaxQueryInterval : end;
            conversations.AddRange(await QueryIntervalAsync(connection, from, to, cancellationToken));
        }

        return conversations;
    }

    private async Task<IReadOnlyList<AnalyticsConversation>> QueryIntervalAsync(
        GenesysConnection connection, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var conversations = new List<AnalyticsConversation>();
        for (var page = 1; ; page++)
        {
            var query = new ConversationDetailsQuery
            {
                Interval = GenesysCloudApi.Interval(start, end),
                Paging = new PagingSpec { PageSize = GenesysCloudApi.MaxPageSize, PageNumber = page },
            };
            var answer = await ReadAsync<ConversationDetailsQueryResponse>(
                connection, HttpMethod.Post, GenesysCloudApi.ConversationDetailsQueryPath, query, cancellationToken);
            // Genesys leaves the list out of an empty page.
            if (answer.Conversations is not { Count: > 0 } found)
            {
                return conversations;
            }

            conversations.AddRange(found);
            if (conversations.Count >= answer.TotalHits)
            {
                return conversations;
            }
        }
    }

    /// <summary>False once the channel is gone (expired, evicted): then it must be created again.</summary>
    public async Task<bool> ChannelExistsAsync(GenesysConnection connection, string channelId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(connection, HttpMethod.Head, GenesysCloudApi.Channel(channelId), null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(connection, response, cancellationToken);
        return true;
    }

    public Task<AnalyticsConversation> GetConversationDetailsAsync(GenesysConnection connection, string conversationId, CancellationToken cancellationToken) =>
        ReadAsync<AnalyticsConversation>(connection, HttpMethod.Get, GenesysCloudApi.ConversationDetails(conversationId), null, cancellationToken);

    /// <summary>The conversation's recordings; null while Genesys is still transcoding them (202): ask again later.</summary>
    public Task<IReadOnlyList<RecordingMetadata>?> GetRecordingsAsync(
        GenesysConnection connection, string conversationId, string formatId, int maxWaitMs, CancellationToken cancellationToken) =>
        ReadUnlessTranscodingAsync<IReadOnlyList<RecordingMetadata>>(
            connection, GenesysCloudApi.Recordings(conversationId, formatId, maxWaitMs), cancellationToken);

    /// <summary>One recording with its download URI (<c>download=true</c>); null while it is still transcoding (202).</summary>
    public Task<RecordingMetadata?> GetRecordingForDownloadAsync(
        GenesysConnection connection, string conversationId, string recordingId, string formatId, CancellationToken cancellationToken) =>
        ReadUnlessTranscodingAsync<RecordingMetadata>(
            connection, GenesysCloudApi.Recording(conversationId, recordingId, formatId), cancellationToken);

    /// <summary>
    /// Copies a recording's audio from its media URI (signed: it takes no token) into <paramref name="destination"/> as
    /// it arrives, never holding it whole, and returns its size. A body shorter than its Content-Length throws.
    /// </summary>
    public async Task<long> DownloadMediaAsync(GenesysConnection connection, string mediaUri, Stream destination, CancellationToken cancellationToken)
    {
        var uri = Uri.TryCreate(mediaUri, UriKind.Absolute, out var absolute) ? absolute : OutboundHttp.Resolve(connection.ApiBaseUrl, mediaUri);
        using var response = await _outbound.SendWithoutTokenAsync(
            connection.TenantId, new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(connection, response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var start = destination.Position;
        await body.CopyToAsync(destination, cancellationToken);
        var bytes = destination.Position - start;
        if (response.Content.Headers.ContentLength is { } expected && expected != bytes)
        {
            throw new IOException($"The media of {connection} ended after {bytes} of {expected} bytes.");
        }

        return bytes;
    }

    private async Task<T?> ReadUnlessTranscodingAsync<T>(GenesysConnection connection, string path, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(connection, HttpMethod.Get, path, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return null;
        }

        await EnsureSuccessAsync(connection, response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
               ?? throw new InvalidOperationException($"{connection} answered GET {path} with an empty body.");
    }

    private async Task<T> ReadAsync<T>(GenesysConnection connection, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(connection, method, path, body, cancellationToken);
        await EnsureSuccessAsync(connection, response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
               ?? throw new InvalidOperationException($"{connection} answered {method} {path} with an empty body.");
    }

    private Task<HttpResponseMessage> SendAsync(GenesysConnection connection, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var uri = OutboundHttp.Resolve(connection.ApiBaseUrl, path);
        return _outbound.SendAsync(
            connection.TenantId,
            $"{connection.TenantId}|{connection.LoginBaseUrl}|{connection.ClientId}",
            () => RequestTokenAsync(connection, cancellationToken),
            new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) },
            cancellationToken);
    }

    private static async Task EnsureSuccessAsync(GenesysConnection connection, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        if (TenantResilience.IsTransient(response.StatusCode) || response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new HttpRequestException($"{connection} still answered {(int)response.StatusCode} after every retry.", null, response.StatusCode);
        }

        throw new GenesysRequestRejectedException(response.StatusCode, detail.Length > 500 ? detail[..500] : detail);
    }

    private async Task<(string, TimeSpan)> RequestTokenAsync(GenesysConnection connection, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, OutboundHttp.Resolve(connection.LoginBaseUrl, GenesysCloudApi.TokenPath))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{connection.ClientId}:{connection.ClientSecret}")));
        using var response = await _outbound.TokenClient.SendAsync(request, cancellationToken);
        if (TenantResilience.IsTransient(response.StatusCode))
        {
            throw new HttpRequestException($"The login endpoint of {connection} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new GenesysRequestRejectedException(response.StatusCode, $"token request of {connection} refused");
        }

        var token = await response.Content.ReadFromJsonAsync<GenesysTokenResponse>(cancellationToken)
                    ?? throw new InvalidOperationException($"Empty token response from {connection.LoginBaseUrl}.");
        return (token.AccessToken, TimeSpan.FromSeconds(token.ExpiresIn));
    }
}
