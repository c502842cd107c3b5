namespace KnovvuOrleans.Runtime;

/// <summary>A grain call did not complete within the call timeout.</summary>
public sealed class GrainCallTimeoutException(GrainId grain, string method, TimeSpan timeout)
    : TimeoutException($"Call to {grain}.{method} did not complete within {timeout.TotalSeconds:0.###} s.")
{
    public GrainId Grain { get; } = grain;

    public string Method { get; } = method;
}
