using Microsoft.AspNetCore.DataProtection;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>Encrypts CA client secrets at rest; the keys live where the silo's storage is (PostgreSQL in production).</summary>
public sealed class CaSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("KnovvuOrleans.KnovvuAnalytics.ClientSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
