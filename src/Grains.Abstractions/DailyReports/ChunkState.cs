using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

[GenerateSerializer, Alias("knovvu.ChunkState")]
public enum ChunkState
{
    /// <summary>Not attempted yet.</summary>
    Pending,

    Stored,

    /// <summary>Failed; the nightly run tries it again while it has attempts left.</summary>
    Failed,

    /// <summary>Failed on every attempt the nightly run allows; reported, and built on demand if asked for.</summary>
    GaveUp,

    /// <summary>
    /// Stored, but a conversation of its hour reached the log afterwards: the stored object is not served; the next read
    /// or the day's nightly run builds it again.
    /// </summary>
    Stale,
}
