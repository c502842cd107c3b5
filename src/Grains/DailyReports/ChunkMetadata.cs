using System.Globalization;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>What a stored chunk carries as object metadata, so that serving it needs no database.</summary>
public sealed record ChunkMetadata(int Conversations, DateTimeOffset GeneratedAt)
{
    private const string ConversationsKey = "conversations";

    private const string GeneratedAtKey = "generated-at";

    public IReadOnlyDictionary<string, string> ToObjectMetadata() => new Dictionary<string, string>
    {
        [ConversationsKey] = Conversations.ToString(CultureInfo.InvariantCulture),
        [GeneratedAtKey] = GeneratedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>Null when the metadata is missing or unreadable (an object not written by this code).</summary>
    public static ChunkMetadata? From(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(ConversationsKey, out var count) && int.TryParse(count, CultureInfo.InvariantCulture, out var conversations)
        && metadata.TryGetValue(GeneratedAtKey, out var at)
        && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var generatedAt)
            ? new ChunkMetadata(conversations, generatedAt)
            : null;
}
