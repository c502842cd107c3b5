using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// Writes and reads Data Feeder message bodies: compact UTF-8 JSON in seed 002's shape (its indentation is only
/// presentation). Reading is strict: unknown or differently cased names, a missing field or a wrong
/// <c>eventType</c> fail.
/// </summary>
public static class DataFeederMessageSerializer
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static byte[] Serialize<TPayload>(DateTimeOffset timestampOfMessage, TPayload payload)
        where TPayload : class, IDataFeederPayload =>
        Serialize(new DataFeederMessage<TPayload> { TimestampOfMessage = timestampOfMessage, Payload = payload });

    public static byte[] Serialize<TPayload>(DataFeederMessage<TPayload> message)
        where TPayload : class, IDataFeederPayload =>
        JsonSerializer.SerializeToUtf8Bytes(message, Options);

    public static DataFeederMessage<TPayload> Deserialize<TPayload>(ReadOnlySpan<byte> utf8Json)
        where TPayload : class, IDataFeederPayload =>
        JsonSerializer.Deserialize<DataFeederMessage<TPayload>>(utf8Json, Options)
        ?? throw new JsonException("A Data Feeder message must be an object, not null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            // Text such as "ürün destek şerif ben" goes out as UTF-8, as in the seed, not as \u escapes. The bodies
            // are never embedded in HTML, which is what the default encoder's extra escaping protects.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
