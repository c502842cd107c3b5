using System.Text.Json;

namespace KnovvuOrleans.Runtime.Cluster;

/// <summary>A grain call forwarded to the silo that owns the grain.</summary>
internal sealed record GrainCallRequest(
    string GrainType, string Key, string Interface, string Method, string[] ParameterTypes, JsonElement[] Arguments);

/// <summary>The owner's answer: the result, the exception the grain threw, or "not the owner" (call not run).</summary>
internal sealed record GrainCallResponse(GrainCallOutcome Outcome, JsonElement? Result, string? ExceptionType, string? Message);

internal enum GrainCallOutcome
{
    Completed,
    Failed,
    NotOwner,
}

/// <summary>The silo a call was sent to does not own the grain; the call did not run there.</summary>
internal sealed class NotOwnerException(string message) : Exception(message);

/// <summary>A forwarded call failed with an exception that cannot be recreated here by type and message.</summary>
public sealed class RemoteGrainException(string exceptionType, string message) : Exception($"{exceptionType}: {message}")
{
    public string ExceptionType { get; } = exceptionType;
}
