using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>Checks an access token's signature, issuer, audience and type, and its lifetime against the gateway's clock.</summary>
internal sealed class AccessTokenValidator
{
    private const int MaxTokenBytes = 8 * 1024;

    // Issuer and validator share one clock; the skew only covers the clocks of several gateways.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxTokenBytes };
    private readonly TokenValidationParameters _parameters;
    private readonly TimeProvider _time;

    public AccessTokenValidator(GatewayCredentials credentials, IOptions<AuthOptions> options, TimeProvider time)
    {
        var auth = options.Value;
        _time = time;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Issuer,
            IssuerSigningKey = credentials.SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [GatewayClaims.AccessTokenType],
            RequireSignedTokens = true,
            // Checked in ValidateAsync against the TimeProvider, which this IdentityModel version does not take.
            ValidateLifetime = false,
            NameClaimType = GatewayClaims.ClientId,
        };
    }

    /// <summary>The token's identity, or why it was refused (a message safe to show and log: no token content).</summary>
    public async Task<(ClaimsIdentity? Identity, string? Failure)> ValidateAsync(string token)
    {
        if (token.Length > MaxTokenBytes)
        {
            return (null, "The access token is too long.");
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || jwt.ValidTo == DateTime.MinValue)
        {
            return (null, "The access token is not valid.");
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo + ClockSkew <= now)
        {
            return (null, "The access token has expired.");
        }

        return jwt.ValidFrom - ClockSkew > now
            ? (null, "The access token is not valid yet.")
            : (result.ClaimsIdentity, null);
    }
}
