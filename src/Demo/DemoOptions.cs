using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Demo;

/// <summary>The demo's knobs (configuration section "Demo"; command line: --Demo:GatewayPort=5200).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>The gateway's loopback port; the status page is on it too.</summary>
    [Range(1, 65535, ErrorMessage = "Demo:GatewayPort must be a port (1 to 65535).")]
    public int GatewayPort { get; set; } = 5100;

    /// <summary>Published sessions put in an hour of yesterday per tenant at the start, so a report has content.</summary>
    [Range(0, 100000, ErrorMessage = "Demo:ReportSessions must be between 0 and 100000.")]
    public int ReportSessions { get; set; } = 40;

    /// <summary>Sessions each tenant's VA posts per tick, with start times of now.</summary>
    [Range(0, 10000, ErrorMessage = "Demo:SessionsPerTick must be between 0 and 10000.")]
    public int SessionsPerTick { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Demo:TickInterval must be positive (at most 1 day).")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the demo asks for the VA → CA job, which otherwise runs hourly (its reminder), so sessions reach
    /// the CA simulator within seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Demo:CaSyncInterval must be positive (at most 1 day).")]
    public TimeSpan CaSyncInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a Genesys agent of each tenant ends a call in the simulator.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Demo:GenesysCallInterval must be positive (at most 1 day).")]
    public TimeSpan GenesysCallInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Demo:ProgressInterval must be positive (at most 1 day).")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The host operator's secret (client host-operator); unset, a random one. Either way the banner prints a host
    /// token; with a known secret one can also fetch tokens of one's own.
    /// </summary>
    public string? HostSecret { get; set; }
}
