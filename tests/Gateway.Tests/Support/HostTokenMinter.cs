using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnovvuOrleans.Gateway.Tests.Support;

/// <summary>
/// Signs host-operator access tokens the way the gateway's issuer does, with whatever key, issuer, audience and
/// lifetime a test needs (tokens the token endpoint would never issue: another key, a wrong audience).
/// </summary>
public static class HostTokenMinter
{
    public const string Issuer = "knovvu-gateway";

    public static string Mint(
        string base64Key, DateTime expires, string issuer = Issuer, string audience = Issuer, DateTime? notBefore = null, string type = "at+jwt") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = GatewayFactory.HostClientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                ["client_id"] = GatewayFactory.HostClientId,
                ["scope"] = "host",
            },
            IssuedAt = notBefore ?? Earlier(expires),
            NotBefore = notBefore ?? Earlier(expires),
            Expires = expires,
            TokenType = type,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });

    // Issued a while before both now and the expiry, so that the token is valid from the start of the test.
    private static DateTime Earlier(DateTime expires) => (expires < DateTime.UtcNow ? expires : DateTime.UtcNow).AddHours(-1);
}
