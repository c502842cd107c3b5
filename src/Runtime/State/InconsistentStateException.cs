namespace KnovvuOrleans.Runtime;

/// <summary>A state write carried an ETag that no longer matches the stored one: someone else wrote first.</summary>
public sealed class InconsistentStateException(string message) : Exception(message);
