using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>Token issuing and checking, and the host operator's client (configuration section "Auth").</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    private const int MinKeyBytes = 32;

    /// <summary>The HS256 signing key of the tokens issued now, base64, at least 32 bytes. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The key <see cref="SigningKey"/> replaced (rotation): tokens it signed are still accepted until
    /// <see cref="PreviousSigningKeyAcceptedUntil"/>, so clients holding one need not fetch a new token at once.
    /// </summary>
    public string? PreviousSigningKey { get; set; }

    /// <summary>The end of the rotation window (an instant, e.g. 2026-12-05T12:00:00Z); required with <see cref="PreviousSigningKey"/>.</summary>
    public DateTimeOffset? PreviousSigningKeyAcceptedUntil { get; set; }

    /// <summary>Where Development keeps the signing key it generates when <see cref="SigningKey"/> is not set.</summary>
    [Required(ErrorMessage = "Auth:DevelopmentKeyPath must be set.")]
    public string DevelopmentKeyPath { get; set; } = ".keys/signing-key";

    /// <summary>The client id of the host operator, who manages tenants (scope "host").</summary>
    [Required(ErrorMessage = "Auth:HostClientId must be set.")]
    [RegularExpression(@"^[^.]+$", ErrorMessage = "Auth:HostClientId must not contain '.' (tenant client ids do).")]
    public string HostClientId { get; set; } = "host-operator";

    /// <summary>The host operator's client secret. Required outside Development.</summary>
    public string? HostClientSecret { get; set; }

    /// <summary>Where Development keeps the host secret it generates when <see cref="HostClientSecret"/> is not set.</summary>
    [Required(ErrorMessage = "Auth:DevelopmentHostSecretPath must be set.")]
    public string DevelopmentHostSecretPath { get; set; } = ".keys/host-client-secret";

    /// <summary>The "iss" of the tokens this gateway issues and accepts.</summary>
    [Required(ErrorMessage = "Auth:Issuer must be set.")]
    public string Issuer { get; set; } = "knovvu-gateway";

    /// <summary>The "aud" of the tokens this gateway issues and accepts: the API they open.</summary>
    [Required(ErrorMessage = "Auth:Audience must be set.")]
    public string Audience { get; set; } = "knovvu-gateway";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Auth:TokenLifetime must be between 1 minute and 1 day.")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far the clocks of the gateways may disagree when a token's lifetime is checked; kept small.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Auth:ClockSkew must be between 0 and 5 minutes.")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The bytes of a signing key setting; null when it is not a valid key (never shown: it is a secret).</summary>
    public static byte[]? DecodeKey(string base64)
    {
        var key = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, key, out var length) && length >= MinKeyBytes ? key[..length] : null;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Blank means "not set" (an empty environment variable), which Development answers with a generated key.
        if (!string.IsNullOrWhiteSpace(SigningKey) && DecodeKey(SigningKey) is null)
        {
            yield return new ValidationResult($"Auth:SigningKey must be base64 of at least {MinKeyBytes} bytes.", [nameof(SigningKey)]);
        }

        if (!string.IsNullOrWhiteSpace(PreviousSigningKey) && DecodeKey(PreviousSigningKey) is null)
        {
            yield return new ValidationResult($"Auth:PreviousSigningKey must be base64 of at least {MinKeyBytes} bytes.", [nameof(PreviousSigningKey)]);
        }

        if (!string.IsNullOrWhiteSpace(PreviousSigningKey) && PreviousSigningKeyAcceptedUntil is null)
        {
            yield return new ValidationResult(
                "Auth:PreviousSigningKeyAcceptedUntil must be set with Auth:PreviousSigningKey (the end of the rotation window).",
                [nameof(PreviousSigningKeyAcceptedUntil)]);
        }
    }
}
