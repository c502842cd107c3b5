namespace KnovvuOrleans.Simulators.Faults;

/// <summary>
/// One fault to inject: what (<see cref="Kind"/>), where (<see cref="Path"/>, <see cref="ClientId"/>), how often
/// (<see cref="Probability"/>, drawn from the simulator's seeded random) and for how long (<see cref="Count"/>).
/// </summary>
public sealed record FaultRule
{
    public required FaultKind Kind { get; init; }

    /// <summary>The endpoint, as the simulator's relative path (for example "api/chats"); null: every endpoint.</summary>
    public string? Path { get; init; }

    /// <summary>The OAuth client the request comes from; null: every client.</summary>
    public string? ClientId { get; init; }

    /// <summary>The chance that a matching request gets the fault, 0 to 1.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>The rule ends after applying this many times ("the next N requests"); null: until removed.</summary>
    public int? Count { get; init; }

    /// <summary>The status of <see cref="FaultKind.ServerError"/> (default 503) and <see cref="FaultKind.AckLost"/> (default 500).</summary>
    public int? StatusCode { get; init; }

    /// <summary>The Retry-After of <see cref="FaultKind.TooManyRequests"/>, sent in whole seconds (rounded up).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The added latency of <see cref="FaultKind.Delay"/>.</summary>
    public TimeSpan Delay { get; init; }

    internal bool AppliesTo(string path, string? clientId) =>
        (Path is null || Path == path) && (ClientId is null || ClientId == clientId);

    internal void Validate()
    {
        if (Probability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Probability), Probability, "A probability is between 0 and 1.");
        }

        if (Count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Count), Count, "A count is positive (null: until removed).");
        }

        if (StatusCode is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(StatusCode), StatusCode, "Injected errors are 5xx.");
        }

        if (RetryAfter < TimeSpan.Zero || (Kind == FaultKind.Delay && Delay <= TimeSpan.Zero))
        {
            throw new ArgumentException("RetryAfter must not be negative, and a Delay rule needs a positive Delay.");
        }
    }
}
