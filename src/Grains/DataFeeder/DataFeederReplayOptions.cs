using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>How replays run (configuration section <see cref="SectionName"/>); the same for every tenant.</summary>
public sealed class DataFeederReplayOptions : IValidatableObject
{
    public const string SectionName = "DataFeeder:Replay";

    /// <summary>
    /// A tenant's replay sends at most this many events per second (a tenant runs one replay at a time), so that live
    /// delivery, which shares the producer, keeps its pace.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "DataFeeder:Replay:EventsPerSecond must be between 1 and 1,000,000.")]
    public int EventsPerSecond { get; set; } = 2_000;

    /// <summary>Conversations read, sent and checkpointed per step.</summary>
    [Range(1, 100_000, ErrorMessage = "DataFeeder:Replay:ConversationsPerStep must be between 1 and 100,000.")]
    public int ConversationsPerStep { get; set; } = 200;

    /// <summary>
    /// Live events waiting in the outbox above which a replay pauses (live first); it looks again after
    /// <see cref="LivePause"/>.
    /// </summary>
    [Range(1L, long.MaxValue, ErrorMessage = "DataFeeder:Replay:LiveBacklogLimit must be positive.")]
    public long LiveBacklogLimit { get; set; } = 5_000;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "DataFeeder:Replay:LivePause must be positive (at most 1 hour).")]
    public TimeSpan LivePause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First retry after a failed step (Kafka down); doubles per failure up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "DataFeeder:Replay:RetryBaseDelay must be positive (at most 1 hour).")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "DataFeeder:Replay:RetryMaxDelay must be positive (at most 1 day).")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Period of the reminder that brings a running replay back after its silo died (it resumes from its checkpoint).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "DataFeeder:Replay:ResumePeriod must be positive (at most 1 day).")]
    public TimeSpan ResumePeriod { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return new ValidationResult("DataFeeder:Replay:RetryMaxDelay must be at least RetryBaseDelay.", [nameof(RetryMaxDelay)]);
        }
    }
}
