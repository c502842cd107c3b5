using System.Collections.Concurrent;
using System.Net.Http.Json;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// Client-credentials tokens (scope "Virtual Agent") per tenant connection, kept until shortly before they expire
/// and dropped on a 401. Concurrent callers of one connection share a single token request.
/// </summary>
public sealed class CaTokenCache(IHttpClientFactory http, IOptions<KnovvuAnalyticsClientOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Tenant, Uri Endpoint, string ClientId), Lazy<Task<CachedToken>>> _tokens = new();

    public async Task<string> GetAsync(CaConnection connection, CancellationToken cancellationToken)
    {
        var key = Key(connection);
        while (true)
        {
            var entry = _tokens.GetOrAdd(key, _ => new Lazy<Task<CachedToken>>(() => RequestAsync(connection, cancellationToken)));
            try
            {
                var token = await entry.Value;
                if (token.RefreshAt > time.GetUtcNow())
                {
                    return token.AccessToken;
                }
            }
            catch
            {
                _tokens.TryRemove(new(key, entry));
                throw;
            }

            _tokens.TryRemove(new(key, entry));
        }
    }

    /// <summary>Forgets the token CA refused, so the next call asks for a new one.</summary>
    public void Invalidate(CaConnection connection, string refusedToken)
    {
        var key = Key(connection);
        if (_tokens.TryGetValue(key, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
            && entry.Value.Result.AccessToken == refusedToken)
        {
            _tokens.TryRemove(new(key, entry));
        }
    }

    private async Task<CachedToken> RequestAsync(CaConnection connection, CancellationToken cancellationToken)
    {
        using var response = await http.CreateClient(KnovvuAnalyticsClient.HttpClientName).PostAsync(connection.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
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
        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
        var margin = TimeSpan.FromTicks(Math.Min(options.Value.TokenRefreshMargin.Ticks, lifetime.Ticks / 10));
        return new CachedToken(token.AccessToken, time.GetUtcNow() + lifetime - margin);
    }

    private static (string, Uri, string) Key(CaConnection connection) =>
        (connection.TenantId, connection.TokenEndpoint, connection.ClientId);

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);
}
