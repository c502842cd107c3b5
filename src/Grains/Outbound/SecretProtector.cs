using Microsoft.AspNetCore.DataProtection;

namespace KnovvuOrleans.Grains.Outbound;

/// <summary>
/// Encrypts the client secrets of outside services (Knovvu Analytics, Genesys Cloud) at rest; the keys live where the
/// silo's storage is (PostgreSQL in production).
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("KnovvuOrleans.IntegrationClientSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
