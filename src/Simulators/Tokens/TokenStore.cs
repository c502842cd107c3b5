using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.Tokens;

/// <summary>An access token a simulator issued: whose it is and until when it is valid.</summary>
public sealed record IssuedToken(string ClientId, string Tenant, DateTimeOffset ExpiresAt);

/// <summary>
/// Opaque bearer tokens, as an identity server issues them: random strings the simulator remembers with their
/// client, tenant and expiry. <see cref="RevokeAll"/> plays a key rotation: every client gets 401 and must fetch a
/// new token.
/// </summary>
public sealed class TokenStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public string Issue(string clientId, string tenant, TimeSpan lifetime)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = new IssuedToken(clientId, tenant, time.GetUtcNow() + lifetime);
        return token;
    }

    public void RevokeAll() => _tokens.Clear();

    /// <summary>
    /// The token of the request's "Authorization: Bearer" header, or the 401 answer with the RFC 6750 challenge
    /// when it is missing, unknown, revoked or expired.
    /// </summary>
    public bool TryAuthenticate(HttpRequest request, [NotNullWhen(true)] out IssuedToken? token, out IResult challenge)
    {
        token = null;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            challenge = new BearerChallenge("Bearer");
            return false;
        }

        var presented = header["Bearer ".Length..].Trim();
        if (!_tokens.TryGetValue(presented, out var issued))
        {
            challenge = new BearerChallenge("Bearer error=\"invalid_token\", error_description=\"The access token is unknown or revoked.\"");
            return false;
        }

        if (time.GetUtcNow() >= issued.ExpiresAt)
        {
            _tokens.TryRemove(presented, out _);
            challenge = new BearerChallenge("Bearer error=\"invalid_token\", error_description=\"The access token expired.\"");
            return false;
        }

        token = issued;
        challenge = Results.Empty;
        return true;
    }

    private sealed class BearerChallenge(string header) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
            httpContext.Response.Headers.WWWAuthenticate = header;
            return Task.CompletedTask;
        }
    }
}
