using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// Sends departments, agents and chats to a tenant's Knovvu Analytics: bearer token from the cache (renewed once on
/// a 401), the tenant's rate limit and any pause a 429 asked for, then its resilience pipeline. Returns when CA acknowledged; throws
/// <see cref="CaRequestRejectedException"/> when CA refused for good, and another exception when it stayed
/// unavailable through every retry (or the tenant's breaker is open), so the caller keeps the work for later.
/// </summary>
public sealed class KnovvuAnalyticsClient(IHttpClientFactory http, CaTokenCache tokens, TenantResilience resilience)
{
    public const string HttpClientName = "KnovvuAnalytics";

    public Task SendDepartmentsAgentsAsync(CaConnection connection, DepartmentsAgentsRequest request, CancellationToken cancellationToken) =>
        PostAsync(connection, KnovvuAnalyticsApi.DepartmentsAgentsPath, JsonSerializer.SerializeToUtf8Bytes(request), cancellationToken);

    public Task SendChatAsync(CaConnection connection, ChatRequest chat, CancellationToken cancellationToken) =>
        PostAsync(connection, KnovvuAnalyticsApi.ChatsPath, JsonSerializer.SerializeToUtf8Bytes(chat), cancellationToken);

    private async Task PostAsync(CaConnection connection, string path, byte[] body, CancellationToken cancellationToken)
    {
        var baseUrl = connection.ServiceBaseUrl.AbsoluteUri.EndsWith('/') ? connection.ServiceBaseUrl : new Uri(connection.ServiceBaseUrl.AbsoluteUri + "/");
        var uri = new Uri(baseUrl, path);
        using var response = await resilience.PipelineFor(connection.TenantId)
            .ExecuteAsync(token => SendWithTokenAsync(connection, uri, body, token), cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        if (TenantResilience.IsTransient(response.StatusCode) || response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new HttpRequestException($"{connection} still answered {(int)response.StatusCode} after every retry.", null, response.StatusCode);
        }

        throw new CaRequestRejectedException(response.StatusCode, detail.Length > 500 ? detail[..500] : detail);
    }

    private async ValueTask<HttpResponseMessage> SendWithTokenAsync(CaConnection connection, Uri uri, byte[] body, CancellationToken cancellationToken)
    {
        using var lease = await resilience.AcquireAsync(connection.TenantId, cancellationToken);
        var token = await tokens.GetAsync(connection, cancellationToken);
        await resilience.WaitWhilePausedAsync(connection.TenantId, cancellationToken);
        var response = await SendAsync(uri, body, token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token expired early or was revoked: one more try with a fresh one.
            response.Dispose();
            tokens.Invalidate(connection, token);
            response = await SendAsync(uri, body, await tokens.GetAsync(connection, cancellationToken), cancellationToken);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            resilience.Pause(connection.TenantId, response);
        }

        return response;
    }

    private Task<HttpResponseMessage> SendAsync(Uri uri, byte[] body, string token, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
    }
}
