namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>How replays run (configuration section <see cref="SectionName"/>); the same for every tenant.</summary>
public sealed class DataFeederReplayOptions
{
    public const string SectionName = "DataFeeder:Replay";

    /// <summary>
    /// A tenant's replay sends at most this many events per second (a tenant runs one replay at a time), so that live
    /// delivery, which shares the producer, keeps its pace.
    /// </summary>
    public int EventsPerSecond { get; set; } = 2_000;

    /// <summary>Conversations read, sent and checkpointed per step.</summary>
    public int ConversationsPerStep { get; set; } = 200;

    /// <summary>
    /// Live events waiting in the outbox above which a replay pauses (live first); it looks again after
    /// <see cref="LivePause"/>.
    /// </summary>
    public long LiveBacklogLimit { get; set; } = 5_000;

    public TimeSpan LivePause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First retry after a failed step (Kafka down); doubles per failure up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Period of the reminder that brings a running replay back after its silo died (it resumes from its checkpoint).
    /// </summary>
    public TimeSpan ResumePeriod { get; set; } = TimeSpan.FromMinutes(1);
}
