using KnovvuOrleans.Simulators.Faults;

namespace KnovvuOrleans.Simulators.Recording;

/// <summary>One request a simulated endpoint received and what it answered.</summary>
/// <param name="Sequence">Arrival order across the simulator.</param>
/// <param name="Path">The endpoint, as the simulator's relative path (for example "api/chats").</param>
/// <param name="ClientId">The OAuth client: from the token on the API, from the form on the token endpoint; null when unknown.</param>
/// <param name="Key">What the request was about, when its body said (a chat's ExternalId).</param>
/// <param name="StatusCode">The status sent; 0 when no answer was sent (hang, dropped connection, client gone).</param>
/// <param name="RetryAfter">The Retry-After sent with a 429.</param>
/// <param name="Delay">The latency injected before answering.</param>
/// <param name="Fault">The injected fault other than delay, if any.</param>
public sealed record RequestLogEntry(
    long Sequence,
    string Path,
    string? ClientId,
    string? Key,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RespondedAt,
    int StatusCode,
    TimeSpan? RetryAfter,
    TimeSpan Delay,
    FaultKind? Fault);
