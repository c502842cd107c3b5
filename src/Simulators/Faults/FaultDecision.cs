namespace KnovvuOrleans.Simulators.Faults;

/// <summary>The faults one request drew: the sum of its delays and at most one other fault.</summary>
public readonly record struct FaultDecision(TimeSpan Delay, FaultRule? Fault)
{
    public static FaultDecision None => default;
}
