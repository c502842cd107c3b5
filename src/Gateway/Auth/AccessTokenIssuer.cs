using KnovvuOrleans.Grains.Abstractions.Clients;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>Issues signed (HS256) access tokens carrying the client, its tenant and the granted scopes.</summary>
internal sealed class AccessTokenIssuer(GatewayCredentials credentials, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public TokenResponse Issue(ClientIdentity client, IReadOnlyList<string> scopes)
    {
        var auth = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var scope = string.Join(' ', scopes);
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = client.ClientId,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            [GatewayClaims.ClientId] = client.ClientId,
            [GatewayClaims.Scope] = scope,
        };
        if (client.TenantId is not null)
        {
            claims[GatewayClaims.Tenant] = client.TenantId;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + auth.TokenLifetime,
            TokenType = GatewayClaims.AccessTokenType,
            SigningCredentials = new SigningCredentials(credentials.SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, "Bearer", (int)auth.TokenLifetime.TotalSeconds, scope);
    }
}
