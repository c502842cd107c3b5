namespace KnovvuOrleans.Demo;

/// <summary>The demo's knobs (configuration section "Demo"; command line: --Demo:GatewayPort=5200).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>The gateway's loopback port; the status page is on it too.</summary>
    public int GatewayPort { get; set; } = 5100;

    /// <summary>Published sessions put in an hour of yesterday per tenant at the start, so a report has content.</summary>
    public int ReportSessions { get; set; } = 40;

    /// <summary>Sessions each tenant's VA posts per tick, with start times of now.</summary>
    public int SessionsPerTick { get; set; } = 3;

    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the demo asks for the VA → CA job, which otherwise runs hourly (its reminder), so sessions reach
    /// the CA simulator within seconds.
    /// </summary>
    public TimeSpan CaSyncInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a Genesys agent of each tenant ends a call in the simulator.</summary>
    public TimeSpan GenesysCallInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The host operator's secret (client host-operator); unset, a random one. Either way the banner prints a host
    /// token; with a known secret one can also fetch tokens of one's own.
    /// </summary>
    public string? HostSecret { get; set; }
}
