using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// Reads request times only as RFC 3339 date-times with seconds and an explicit offset (<c>Z</c> or <c>±hh:mm</c>),
/// between <see cref="Earliest"/> and <see cref="Latest"/>. The framework's reader would take a time without an
/// offset as the server's local time and a bare date as midnight: both silently wrong, so both are refused.
/// </summary>
internal sealed partial class StrictTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Exclusive: years from 2100 on are typing errors, not conversations.</summary>
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Rule = "an RFC 3339 date-time with seconds and a UTC offset (e.g. 2025-08-26T07:04:40Z or 2025-08-26T10:04:40+03:00), from year 2000 to 2099";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || reader.GetString() is not { } text
            || !Format().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            || value < Earliest || value >= Latest)
        {
            throw new JsonException($"The value must be {Rule}.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
