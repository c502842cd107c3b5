using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.Streaming;

/// <summary>How the durable streams deliver and redeliver (configuration section "DurableStreams").</summary>
public sealed class DurableStreamOptions : IValidatableObject
{
    public const string SectionName = "DurableStreams";

    /// <summary>The Orleans stream provider that carries the outbox notices (memory streams: the outbox is the durable part).</summary>
    public const string ProviderName = "outbox";

    /// <summary>
    /// How long the stream provider's pulling agents wait before looking at an empty queue again, so the most a notice
    /// waits before its subscriber wakes. Each silo's agents then make about 8 / period local calls per second while idle
    /// (1,600/s at 5 ms, well under 1% of a core); Orleans' default of 100 ms put up to 100 ms on every event's delivery.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10", ErrorMessage = "DurableStreams:NoticePollPeriod must be between 1 ms and 10 s.")]
    public TimeSpan NoticePollPeriod { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Events a subscriber handles at a time.</summary>
    [Range(1, 100000, ErrorMessage = "DurableStreams:BatchSize must be between 1 and 100000.")]
    public int BatchSize { get; set; } = 500;

    /// <summary>First retry of a subscriber whose delivery failed; doubles per failure up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "DurableStreams:RetryBaseDelay must be positive (at most 1 hour).")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the redelivery agent looks for streams left waiting (their notice lost with a silo, or their
    /// subscriber's retry timer gone with its activation); an Orleans reminder, so it survives silo deaths.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "DurableStreams:RedeliveryPeriod must be positive (at most 1 day).")]
    public TimeSpan RedeliveryPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An event waiting longer than this is offered again by the redelivery agent.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "DurableStreams:RedeliveryAge must be between 0 and 1 day.")]
    public TimeSpan RedeliveryAge { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return new ValidationResult("DurableStreams:RetryMaxDelay must be at least DurableStreams:RetryBaseDelay.", [nameof(RetryMaxDelay)]);
        }
    }
}
