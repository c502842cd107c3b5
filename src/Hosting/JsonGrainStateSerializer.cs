using System.Text.Json;
using Orleans.Storage;

namespace KnovvuOrleans.Hosting;

/// <summary>
/// Grain state as System.Text.Json, chosen on purpose: it names no .NET type (Orleans' default for ADO.NET storage
/// writes Newtonsoft JSON with type names, so renaming or moving a state type would break every stored row), and a
/// row stays readable to an operator with psql.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Json));

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Json)!;
}
