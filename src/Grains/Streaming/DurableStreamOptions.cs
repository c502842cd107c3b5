namespace KnovvuOrleans.Grains.Streaming;

/// <summary>How the durable streams deliver and redeliver (configuration section "DurableStreams").</summary>
public sealed class DurableStreamOptions
{
    public const string SectionName = "DurableStreams";

    /// <summary>The Orleans stream provider that carries the outbox notices (memory streams: the outbox is the durable part).</summary>
    public const string ProviderName = "outbox";

    /// <summary>Events a subscriber handles at a time.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>First retry of a subscriber whose delivery failed; doubles per failure up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the redelivery agent looks for streams left waiting (their notice lost with a silo, or their
    /// subscriber's retry timer gone with its activation); an Orleans reminder, so it survives silo deaths.
    /// </summary>
    public TimeSpan RedeliveryPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An event waiting longer than this is offered again by the redelivery agent.</summary>
    public TimeSpan RedeliveryAge { get; set; } = TimeSpan.FromSeconds(10);
}
