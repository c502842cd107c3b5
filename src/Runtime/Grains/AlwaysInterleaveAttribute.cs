namespace KnovvuOrleans.Runtime;

/// <summary>
/// Marks a grain interface method that may run while another turn of the same activation is in progress
/// (read-only status queries). Everything else is turn-based: one call at a time per activation.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
