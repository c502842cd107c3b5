using System.Text.Json;

namespace KnovvuOrleans.Runtime.Hosting;

/// <summary>The runtime's settings (configuration section "Runtime").</summary>
public sealed class GrainRuntimeOptions
{
    public const string SectionName = "Runtime";

    /// <summary>How long a caller waits for a grain call, including activation.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation with no call for this long is deactivated.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shortest reminder period a grain may register (Orleans' default: one minute).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often due reminders are looked for.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the outbox is polled when no local commit signalled new events.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read from the outbox at a time.</summary>
    public int RelayBatchSize { get; set; } = 1000;

    /// <summary>Streams delivered at the same time; a slow stream holds only its own slot.</summary>
    public int RelayMaxConcurrentStreams { get; set; } = 32;

    /// <summary>Back-off after the first failed delivery of a stream; doubles per failure up to the maximum.</summary>
    public TimeSpan RelayRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RelayRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Virtual partitions grains, reminders and streams are hashed into (fixed for a cluster's life).</summary>
    public int PartitionCount { get; set; } = 64;

    /// <summary>Membership, partition leases and the silo-to-silo endpoint.</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>How grain state and stream items are serialised.</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);
}
