namespace KnovvuOrleans.Gateway.Auth;

/// <summary>Token issuing and the host operator's client (configuration section "Auth").</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The HS256 signing key, base64, at least 32 bytes. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where Development keeps the signing key it generates when <see cref="SigningKey"/> is not set.</summary>
    public string DevelopmentKeyPath { get; set; } = ".keys/signing-key";

    /// <summary>The client id of the host operator, who manages tenants (scope "host").</summary>
    public string HostClientId { get; set; } = "host-operator";

    /// <summary>The host operator's client secret. Required outside Development.</summary>
    public string? HostClientSecret { get; set; }

    /// <summary>Where Development keeps the host secret it generates when <see cref="HostClientSecret"/> is not set.</summary>
    public string DevelopmentHostSecretPath { get; set; } = ".keys/host-client-secret";

    /// <summary>The "iss" and "aud" of the tokens this gateway issues and accepts.</summary>
    public string Issuer { get; set; } = "knovvu-gateway";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
