using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>
/// The token signing keys and the host operator's secret: from configuration, or in Development from files generated
/// on the first start. Resolved once at start so that a bad configuration stops the gateway at once. Only a hash of
/// the host secret is kept.
/// </summary>
internal sealed class GatewayCredentials
{
    private readonly byte[] _hostSecretHash;

    public GatewayCredentials(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<GatewayCredentials> logger)
    {
        // Reading the options runs their validation: a malformed key stops here, before anything decodes it.
        var auth = options.Value;
        var keyText = NullIfBlank(auth.SigningKey) ?? FromDevelopmentFile(
            environment, logger, "Auth:SigningKey", auth.DevelopmentKeyPath, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        SigningKey = Key(keyText, "Auth:SigningKey");
        PreviousSigningKey = NullIfBlank(auth.PreviousSigningKey) is { } previous ? Key(previous, "Auth:PreviousSigningKey") : null;
        var hostSecret = NullIfBlank(auth.HostClientSecret) ?? FromDevelopmentFile(
            environment, logger, "Auth:HostClientSecret", auth.DevelopmentHostSecretPath, () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        _hostSecretHash = SHA256.HashData(Encoding.UTF8.GetBytes(hostSecret));
    }

    /// <summary>Signs the tokens issued now.</summary>
    public SymmetricSecurityKey SigningKey { get; }

    /// <summary>The key before the last rotation, accepted until the end of the rotation window; null outside a rotation.</summary>
    public SymmetricSecurityKey? PreviousSigningKey { get; }

    public bool IsHostSecret(string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), _hostSecretHash);

    // An empty environment variable or command-line value means "not set", not "the empty secret".
    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // The key id ("kid" in the token header) is a hash prefix: it tells which key signed a token without showing the key.
    private static SymmetricSecurityKey Key(string base64, string setting)
    {
        var bytes = AuthOptions.DecodeKey(base64) ?? throw new InvalidOperationException($"{setting} must be base64 of at least 32 bytes.");
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    private static string FromDevelopmentFile(
        IHostEnvironment environment, ILogger logger, string setting, string relativePath, Func<string> generate)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{setting} must be set outside Development.");
        }

        var path = Path.Combine(environment.ContentRootPath, relativePath);
        logger.LogWarning("{Setting} is not set: using the Development value kept in {Path}", setting, path);
        return DevelopmentSecretFile.ReadOrCreate(path, generate);
    }
}
