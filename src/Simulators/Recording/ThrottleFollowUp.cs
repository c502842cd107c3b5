namespace KnovvuOrleans.Simulators.Recording;

/// <summary>A 429 the simulator sent and the next request that arrived from the same client after it was sent.</summary>
public sealed record ThrottleFollowUp(RequestLogEntry Throttled, RequestLogEntry? Next)
{
    /// <summary>How long the client waited after the 429 before its next request; null when it sent none.</summary>
    public TimeSpan? Waited => Next is null ? null : Next.ReceivedAt - Throttled.RespondedAt;

    /// <summary>True unless the client came back sooner than the Retry-After it was given.</summary>
    public bool RetryAfterRespected => Waited is not { } waited || waited >= Throttled.RetryAfter;
}
