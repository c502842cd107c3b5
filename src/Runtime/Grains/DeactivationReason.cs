namespace KnovvuOrleans.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>No call arrived within the idle timeout.</summary>
    IdleTimeout,

    /// <summary>The grain asked for it with <c>DeactivateOnIdle</c>.</summary>
    ApplicationRequested,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>The grain's partition is being handed to another silo (a silo joined or this one is leaving).</summary>
    Rebalancing,
}
