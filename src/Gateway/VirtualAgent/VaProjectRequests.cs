namespace KnovvuOrleans.Gateway.VirtualAgent;

/// <summary>The body of PUT .../va/projects/{projectId}/knovvu-analytics.</summary>
public sealed record VaToggleRequest(bool? Enabled = null);
