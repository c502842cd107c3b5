using System.Collections.Concurrent;

namespace KnovvuOrleans.Grains.Outbound;

/// <summary>
/// Bearer tokens of client-credentials grants, per key (tenant and client), kept until shortly before they expire
/// and dropped when the service refuses one; concurrent callers of one key share a single token request.
/// </summary>
public sealed class TokenCache(TimeProvider time, TimeSpan refreshMargin)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedToken>>> _tokens = new();

    /// <param name="request">Asks the identity server; returns the token and its lifetime (<c>expires_in</c>).</param>
    public async Task<string> GetAsync(string key, Func<Task<(string Token, TimeSpan Lifetime)>> request)
    {
        while (true)
        {
            var entry = _tokens.GetOrAdd(key, _ => new Lazy<Task<CachedToken>>(async () =>
            {
                var (token, lifetime) = await request();
                var margin = TimeSpan.FromTicks(Math.Min(refreshMargin.Ticks, lifetime.Ticks / 10));
                return new CachedToken(token, time.GetUtcNow() + lifetime - margin);
            }));
            try
            {
                var cached = await entry.Value;
                if (cached.RefreshAt > time.GetUtcNow())
                {
                    return cached.AccessToken;
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

    /// <summary>Forgets a token the service refused, so the next call asks for a new one.</summary>
    public void Invalidate(string key, string refusedToken)
    {
        if (_tokens.TryGetValue(key, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
            && entry.Value.Result.AccessToken == refusedToken)
        {
            _tokens.TryRemove(new(key, entry));
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);
}
