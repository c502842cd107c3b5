using System.Security.Cryptography;
using System.Text;

namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>
/// Turns an outside id into one segment of an object key, which may hold only a-z 0-9 - and '.'. A valid id stays as
/// it is (Genesys ids are lowercase GUIDs); any other is lowercased, its other characters become '-', and a hash of
/// the original is appended so that two ids never share a key.
/// </summary>
public static class ObjectKeySegment
{
    public static string From(string id)
    {
        if (id.Length > 0 && id.All(IsAllowed) && id.Any(c => c != '.'))
        {
            return id;
        }

        var cleaned = new string(id.ToLowerInvariant().Select(c => IsAllowed(c) ? c : '-').ToArray()).Trim('.');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];
        return cleaned.Length == 0 ? hash : $"{cleaned[..Math.Min(cleaned.Length, 100)]}-{hash}";
    }

    private static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.';
}
