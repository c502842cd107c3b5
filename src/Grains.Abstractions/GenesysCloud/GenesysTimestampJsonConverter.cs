using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// Genesys' timestamps: UTC with milliseconds and a "Z" ("2025-08-26T07:04:40.521Z"). Reads only ISO 8601 times that
/// carry a zone, because a time without one names no instant.
/// </summary>
public sealed class GenesysTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An ISO 8601 time with a zone, or null.</summary>
    public static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
        && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text))
            ? parsed
            : null;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && Parse(text) is { } value
            ? value
            : throw new JsonException("Expected an ISO 8601 date and time with a zone (Z or an offset).");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    // "...T07:04:40+03:00": a sign after the time part.
    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return time > 0 && text.IndexOfAny(['+', '-'], time) > 0;
    }
}
