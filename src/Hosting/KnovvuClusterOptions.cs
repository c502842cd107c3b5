using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace KnovvuOrleans.Hosting;

/// <summary>The Orleans cluster this process belongs to (configuration section "Cluster").</summary>
public sealed class KnovvuClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Silos and clients with the same cluster id form one cluster (a deployment).</summary>
    public string ClusterId { get; set; } = "knovvu";

    /// <summary>The service's identity across deployments: it keys grain state and reminders, so never change it.</summary>
    public string ServiceId { get; set; } = "knovvu-orleans";

    /// <summary>Silo-to-silo port; unset: Orleans' default (11111) on PostgreSQL, a free loopback port on InMemory storage.</summary>
    public int? SiloPort { get; set; }

    /// <summary>Port where clients (a client-only gateway) connect; unset as <see cref="SiloPort"/> (Orleans' default: 30000).</summary>
    public int? GatewayPort { get; set; }

    /// <summary>The IP address or host name other silos and clients reach this silo at; empty: the host's first non-loopback IPv4 address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Whether the gateway process hosts a silo itself (the demo, one-process deployments) or is a client only.</summary>
    public bool HostSilo { get; set; } = true;

    /// <summary>How long a grain waits for a call it made to another grain (silos break calls to a dead silo themselves).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an Orleans client (the client-only gateway) waits for a grain call. Short on purpose: a client is not
    /// told when the silo behind its gateway dies, so a call lost with that silo is only given up after this time;
    /// the gateway then answers 503 and the caller's retry reaches the grain on a live silo. Every product call a
    /// client makes is a state read or write.
    /// </summary>
    public TimeSpan ClientResponseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An activation with no call for this long is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The shortest reminder period a grain may register (the Genesys keep-alive needs seconds).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Failure detection. The defaults declare a killed silo dead in about 2 s and a frozen one within 10 s: a silo
    /// that misses two probes of 1 s each is voted dead by one other silo.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public int NumMissedProbesLimit { get; set; } = 2;

    public int NumVotesForDeathDeclaration { get; set; } = 1;

    public static KnovvuClusterOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<KnovvuClusterOptions>() ?? new KnovvuClusterOptions();

    /// <summary>Silos and clients of one deployment must agree on both ids.</summary>
    public void ApplyTo(ClusterOptions orleans)
    {
        orleans.ClusterId = ClusterId;
        orleans.ServiceId = ServiceId;
    }
}
