using System.Security.Cryptography;
using System.Text;

namespace KnovvuOrleans.Grains.Conversations;

/// <summary>Event ids that a retry must find again.</summary>
internal static class EventIds
{
    /// <summary>
    /// The id of a conversation's Created event, derived from its tenant and id: a recording retried after a crash raises
    /// Created again under the same id, so consumers that de-duplicate count it once.
    /// </summary>
    public static Guid Created(string tenantId, string externalId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"created\n{tenantId}\n{externalId}"), hash);
        // RFC 9562 version 8 (custom) with the RFC variant bits, so the value is a well-formed UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
