using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

/// <summary>
/// Writes an instant as UTC with a "Z" and seven fraction digits where it has them ("2025-08-26T07:04:40.5215216Z",
/// as in seed 000); reads only ISO 8601 times that carry a zone, because a time without one names no instant.
/// </summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !reader.TryGetDateTime(out var parsed)
            || parsed.Kind == DateTimeKind.Unspecified)
        {
            throw new JsonException("Expected an ISO 8601 date and time with a zone (Z or an offset).");
        }

        return reader.GetDateTimeOffset();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
