using System.Diagnostics.Metrics;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// The Data Feeder's instruments, on the meter <see cref="MeterName"/> (an exporter subscribes to it by name): running
/// replays and the events they sent, and held results that expired.
/// </summary>
public static class DataFeederMetrics
{
    public const string MeterName = "KnovvuOrleans.DataFeeder";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Replay jobs stepping on this silo (an activation counts while its job runs).</summary>
    public static readonly UpDownCounter<long> RunningReplays =
        Meter.CreateUpDownCounter<long>("knovvu.datafeeder.replays.running", "{replay}", "Replay jobs running on this silo.");

    public static readonly Counter<long> ReplayedEvents =
        Meter.CreateCounter<long>("knovvu.datafeeder.replay.events", "{event}", "Events sent again by replays, acknowledged by the destination.");

    public static readonly Counter<long> ExpiredHeldResults =
        Meter.CreateCounter<long>("knovvu.datafeeder.held_results.expired", "{result}", "Held results whose conversation was not recorded in time.");
}
