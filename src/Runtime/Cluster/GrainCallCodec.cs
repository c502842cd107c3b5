using System.Collections.Concurrent;
using System.Text.Json;
using KnovvuOrleans.Runtime.Activation;

namespace KnovvuOrleans.Runtime.Cluster;

/// <summary>
/// Turns grain calls, results and exceptions into their JSON wire form and back. Methods are named by interface
/// (assembly-qualified), method name and parameter types, so both sides resolve the same MethodInfo.
/// </summary>
internal sealed class GrainCallCodec(JsonSerializerOptions json)
{
    private readonly ConcurrentDictionary<string, GrainMethod> _methods = new();

    public GrainCallRequest Encode(GrainId grain, GrainMethod method, object?[] arguments)
    {
        var parameters = method.Method.GetParameters();
        return new GrainCallRequest(
            grain.Type, grain.Key, method.Method.DeclaringType!.AssemblyQualifiedName!, method.Method.Name,
            parameters.Select(p => p.ParameterType.FullName!).ToArray(),
            parameters.Select((p, i) => JsonSerializer.SerializeToElement(arguments[i], p.ParameterType, json)).ToArray());
    }

    public (GrainId Grain, GrainMethod Method, object?[] Arguments) Decode(GrainCallRequest request)
    {
        var key = $"{request.Interface}|{request.Method}|{string.Join(",", request.ParameterTypes)}";
        var method = _methods.GetOrAdd(key, _ =>
        {
            var type = Type.GetType(request.Interface, throwOnError: true)!;
            return GrainMethod.For(type.GetMethods().Single(m => m.Name == request.Method
                && m.GetParameters().Select(p => p.ParameterType.FullName).SequenceEqual(request.ParameterTypes)));
        });
        var parameters = method.Method.GetParameters();
        var arguments = parameters.Select((p, i) => request.Arguments[i].Deserialize(p.ParameterType, json)).ToArray();
        return (new GrainId(request.GrainType, request.Key), method, arguments);
    }

    public GrainCallResponse Completed(GrainMethod method, object? result) =>
        new(GrainCallOutcome.Completed,
            method.ResultType is null ? null : JsonSerializer.SerializeToElement(result, method.ResultType, json), null, null);

    public static GrainCallResponse Failed(Exception exception) =>
        new(GrainCallOutcome.Failed, null, exception.GetType().AssemblyQualifiedName, exception.Message);

    public object? Result(GrainMethod method, GrainCallResponse response) => response.Outcome switch
    {
        // A null result (a grain answering "none") crosses the wire as a missing element, not a JSON null element.
        GrainCallOutcome.Completed => method.ResultType is null || response.Result is not { } result ? null : result.Deserialize(method.ResultType, json),
        GrainCallOutcome.NotOwner => throw new NotOwnerException(response.Message ?? "not the owner"),
        _ => throw Recreate(response.ExceptionType!, response.Message ?? ""),
    };

    // The caller sees the exception type the grain threw whenever that type can be built from a message alone.
    private static Exception Recreate(string typeName, string message)
    {
        var type = Type.GetType(typeName, throwOnError: false);
        var constructor = type is not null && typeof(Exception).IsAssignableFrom(type) ? type.GetConstructor([typeof(string)]) : null;
        return constructor is not null && constructor.GetParameters()[0].Name == "message"
            ? (Exception)constructor.Invoke([message])
            : new RemoteGrainException(typeName, message);
    }
}
