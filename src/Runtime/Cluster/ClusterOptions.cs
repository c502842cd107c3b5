namespace KnovvuOrleans.Runtime.Hosting;

/// <summary>How a silo takes part in the cluster (configuration section "Runtime:Cluster").</summary>
public sealed class ClusterOptions
{
    /// <summary>This silo's id; a new one per process unless set.</summary>
    public string SiloId { get; set; } = $"silo-{Guid.NewGuid():N}"[..17];

    /// <summary>False for a client-only process (a gateway that hosts no grains): it routes every call.</summary>
    public bool HostGrains { get; set; } = true;

    /// <summary>Address the silo-to-silo endpoint listens on.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the silo-to-silo endpoint (HTTP/2 without TLS); 0 picks a free one.</summary>
    public int SiloPort { get; set; }

    /// <summary>Host name other silos use to reach this one; the listen address when empty.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>How often the silo heartbeats, renews its leases and rebalances.</summary>
    public TimeSpan MembershipInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a partition lease lasts without renewal: the upper bound of failover detection.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A silo without a heartbeat for this long no longer counts when partitions are shared out.</summary>
    public TimeSpan SiloDeathTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
