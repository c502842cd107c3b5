using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>
/// What the JwtBearer handler accepts: HS256 access tokens ("at+jwt") of this gateway's issuer and audience, signed by
/// the current key or, until the end of the rotation window, the previous one, within their lifetime give or take
/// <see cref="AuthOptions.ClockSkew"/>. Times come from the app's <see cref="TimeProvider"/>, the clock the issuer uses.
/// </summary>
internal sealed class BearerTokenValidation(GatewayCredentials credentials, IOptions<AuthOptions> auth, TimeProvider time)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    private const int MaxTokenBytes = 8 * 1024;

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        var settings = auth.Value;
        // Claims keep the names they have in the token ("scope", "tenant", "client_id").
        options.MapInboundClaims = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new JsonWebTokenHandler { MaximumTokenSizeInBytes = MaxTokenBytes, MapInboundClaims = false });
        options.Events = new JwtBearerEvents
        {
            OnChallenge = BearerProblems.ChallengeAsync,
            OnForbidden = BearerProblems.ForbiddenAsync,
        };
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [GatewayClaims.AccessTokenType],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            IssuerSigningKeyResolver = (_, _, _, _) => SigningKeys(),
            LifetimeValidator = (notBefore, expires, _, _) => CheckLifetime(notBefore, expires, settings.ClockSkew),
            NameClaimType = GatewayClaims.ClientId,
            ClockSkew = settings.ClockSkew,
        };
    }

    /// <summary>The keys a token may be signed with now: the previous one only inside the rotation window.</summary>
    private IEnumerable<SecurityKey> SigningKeys() =>
        credentials.PreviousSigningKey is { } previous && time.GetUtcNow() < auth.Value.PreviousSigningKeyAcceptedUntil
            ? [credentials.SigningKey, previous]
            : [credentials.SigningKey];

    // IdentityModel's own lifetime check reads the system clock; this one reads the app's.
    private bool CheckLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The access token has no expiry.");
        }

        if (notBefore is { } from && from - skew > now)
        {
            throw new SecurityTokenNotYetValidException("The access token is not valid yet.") { NotBefore = from };
        }

        if (expires.Value + skew <= now)
        {
            throw new SecurityTokenExpiredException("The access token has expired.") { Expires = expires.Value };
        }

        return true;
    }
}
