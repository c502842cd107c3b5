using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// A time written in UTC in one exact format and read back only in that format. Neither of seed 002's formats carries
/// a zone other than UTC, so what is read is taken as UTC.
/// </summary>
public abstract class ExactUtcTimestampJsonConverter(string format) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateTimeOffset.TryParseExact(reader.GetString(), format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            throw new JsonException($"Expected a UTC time in the format \"{format}\".");
        }

        return parsed;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
}

/// <summary><c>timestampOfMessage</c>: "01/22/2026 08:32:04"; fractions of a second are dropped.</summary>
public sealed class MessageTimestampJsonConverter() : ExactUtcTimestampJsonConverter(Format)
{
    public const string Format = "MM/dd/yyyy HH:mm:ss";
}

/// <summary>
/// Times inside payloads: "2026-01-22T08:31:59.096197Z", always six fraction digits, so the width never varies with
/// the instant; the seventh digit of .NET's ticks is dropped.
/// </summary>
public sealed class PayloadTimestampJsonConverter() : ExactUtcTimestampJsonConverter(Format)
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
}
