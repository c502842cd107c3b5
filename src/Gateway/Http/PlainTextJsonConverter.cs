using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// Refuses control characters in every string of a request body: NUL, ESC and the other C0/C1 controls and DEL would
/// pass unchanged into reports, Knovvu Analytics and Kafka and break or fool what reads them. Tab, line feed and
/// carriage return stay allowed (message texts have lines); an unpaired surrogate is refused by the JSON reader.
/// </summary>
internal sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public const string Rule = "control characters other than tab, line feed and carriage return are not allowed";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("The JSON value could not be converted.");
        }

        return Checked(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    public static bool IsAllowed(char c) => !char.IsControl(c) || c is '\t' or '\n' or '\r';

    private static string Checked(string value)
    {
        foreach (var c in value)
        {
            if (!IsAllowed(c))
            {
                throw new JsonException($"The text holds U+{(int)c:X4}: {Rule}.");
            }
        }

        return value;
    }
}
