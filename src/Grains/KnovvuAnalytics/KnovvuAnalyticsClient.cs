using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Outbound;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// Sends departments, agents and chats to a tenant's Knovvu Analytics: client-credentials token (scope "Virtual
/// Agent") from the cache, renewed once on a 401; the tenant's rate limit and any pause a 429 asked for; then its
/// resilience pipeline. Returns when CA acknowledged; throws <see cref="CaRequestRejectedException"/> when CA refused
/// for good, and another exception when it stayed unavailable through every retry (or the tenant's breaker is
/// open), so the caller keeps the work for later.
/// </summary>
public sealed class KnovvuAnalyticsClient(IHttpClientFactory http)
{
    public const string HttpClientName = "KnovvuAnalytics";

    private readonly OutboundHttp _outbound = new(http, HttpClientName);

    public Task SendDepartmentsAgentsAsync(CaConnection connection, DepartmentsAgentsRequest request, CancellationToken cancellationToken) =>
        PostAsync(connection, KnovvuAnalyticsApi.DepartmentsAgentsPath, JsonSerializer.SerializeToUtf8Bytes(request), cancellationToken);

    public Task SendChatAsync(CaConnection connection, ChatRequest chat, CancellationToken cancellationToken) =>
        PostAsync(connection, KnovvuAnalyticsApi.ChatsPath, JsonSerializer.SerializeToUtf8Bytes(chat), cancellationToken);

    private async Task PostAsync(CaConnection connection, string path, byte[] body, CancellationToken cancellationToken)
    {
        var uri = OutboundHttp.Resolve(connection.ServiceBaseUrl, path);
        using var response = await _outbound.SendAsync(
            connection.TenantId,
            $"{connection.TenantId}|{connection.TokenEndpoint}|{connection.ClientId}",
            () => RequestTokenAsync(connection, cancellationToken),
            new HttpRequestMessage(HttpMethod.Post, uri) { Content = Json(body) },
            cancellationToken);
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

    private async Task<(string, TimeSpan)> RequestTokenAsync(CaConnection connection, CancellationToken cancellationToken)
    {
        using var response = await _outbound.TokenClient.PostAsync(connection.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = connection.ClientId,
            ["client_secret"] = connection.ClientSecret,
            ["scope"] = KnovvuAnalyticsApi.Scope,
        }), cancellationToken);
        if (TenantResilience.IsTransient(response.StatusCode))
        {
            throw new HttpRequestException($"The token endpoint of {connection} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new CaRequestRejectedException(response.StatusCode, $"token request of {connection} refused");
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                    ?? throw new InvalidOperationException($"Empty token response from {connection.TokenEndpoint}.");
        return (token.AccessToken, TimeSpan.FromSeconds(token.ExpiresIn));
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
