using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>
/// The token signing key and the host operator's secret: from configuration, or in Development from files generated
/// on the first start. Resolved once at start so that a bad configuration stops the gateway at once. Only a hash of
/// the host secret is kept.
/// </summary>
internal sealed class GatewayCredentials
{
    private const int MinKeyBytes = 32;

    private readonly byte[] _hostSecretHash;

    public GatewayCredentials(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<GatewayCredentials> logger)
    {
        var auth = options.Value;
        var keyText = NullIfBlank(auth.SigningKey) ?? FromDevelopmentFile(
            environment, logger, "Auth:SigningKey", auth.DevelopmentKeyPath, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        SigningKey = new SymmetricSecurityKey(DecodeKey(keyText));
        var hostSecret = NullIfBlank(auth.HostClientSecret) ?? FromDevelopmentFile(
            environment, logger, "Auth:HostClientSecret", auth.DevelopmentHostSecretPath, () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        _hostSecretHash = SHA256.HashData(Encoding.UTF8.GetBytes(hostSecret));
    }

    public SymmetricSecurityKey SigningKey { get; }

    public bool IsHostSecret(string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), _hostSecretHash);

    // An empty environment variable or command-line value means "not set", not "the empty secret".
    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

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

    private static byte[] DecodeKey(string base64)
    {
        var key = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, key, out var length) || length < MinKeyBytes)
        {
            throw new InvalidOperationException($"Auth:SigningKey must be base64 of at least {MinKeyBytes} bytes.");
        }

        return key[..length];
    }
}
