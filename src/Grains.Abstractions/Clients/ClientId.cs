using System.Buffers;
using System.Security.Cryptography;
using KnovvuOrleans.Grains.Abstractions.Tenants;

namespace KnovvuOrleans.Grains.Abstractions.Clients;

/// <summary>
/// Tenant client ids are "&lt;tenantId&gt;.&lt;32 hex digits&gt;": the Client grain's key then starts with the tenant id
/// like every other grain key, and the token endpoint refuses ids of any other shape without a grain call.
/// </summary>
public static class ClientId
{
    private const int RandomBytes = 16;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    public static string NewFor(string tenantId) =>
        $"{tenantId}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomBytes))}";

    /// <summary>The tenant id a tenant client id starts with.</summary>
    public static string TenantOf(string clientId) => clientId[..clientId.IndexOf('.')];

    public static bool IsTenantClientId(string? value)
    {
        var dot = value?.IndexOf('.') ?? -1;
        if (dot <= 0 || !TenantId.IsValid(value![..dot]))
        {
            return false;
        }

        var random = value.AsSpan(dot + 1);
        return random.Length == RandomBytes * 2 && !random.ContainsAnyExcept(HexDigits);
    }
}
