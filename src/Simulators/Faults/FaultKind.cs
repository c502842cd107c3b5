namespace KnovvuOrleans.Simulators.Faults;

/// <summary>What a fault rule does to a request it applies to.</summary>
public enum FaultKind
{
    /// <summary>Answers only after <see cref="FaultRule.Delay"/>; adds to the other faults of the same request.</summary>
    Delay,

    /// <summary>Answers <see cref="FaultRule.StatusCode"/> (503 unless set) before anything is stored.</summary>
    ServerError,

    /// <summary>Answers 429 with a Retry-After header of <see cref="FaultRule.RetryAfter"/>, before anything is stored.</summary>
    TooManyRequests,

    /// <summary>Never answers: the request ends only when the client gives up or the simulator stops.</summary>
    Hang,

    /// <summary>Stores the request's data, then answers <see cref="FaultRule.StatusCode"/> (500 unless set): the acknowledgement is lost.</summary>
    AckLost,

    /// <summary>Stores the request's data, then drops the connection without an answer.</summary>
    AckDropped,
}
