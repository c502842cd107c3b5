using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>The notification listeners (configuration section "GenesysCloud:Listener").</summary>
public sealed class GenesysListenerOptions
{
    public const string SectionName = "GenesysCloud:Listener";

    /// <summary>Silence after which a socket counts as dead; Genesys sends a heartbeat about every 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "GenesysCloud:Listener:HeartbeatTimeout must be between 1 second and 1 hour.")]
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>Longest wait before trying again after a failure; it starts at 200 ms and doubles.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "GenesysCloud:Listener:MaxRetryDelay must be between 1 ms and 1 hour.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Period of an assigned channel's keep-alive reminder, which brings its listener back on a live silo after its silo
    /// died: the listener is back within about this period plus failure detection. Not below the silo's minimum reminder period.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "GenesysCloud:Listener:KeepAlivePeriod must be between 1 second and 1 hour.")]
    public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromSeconds(5);
}
