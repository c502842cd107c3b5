using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>The VA → CA hourly job (configuration section "KnovvuAnalytics:Sync").</summary>
public sealed class CaSyncOptions
{
    public const string SectionName = "KnovvuAnalytics:Sync";

    /// <summary>How often the job runs for each enabled tenant; all runs together send at most the tenant's cap per UTC clock hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "KnovvuAnalytics:Sync:Period must be between 1 second and 7 days.")]
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Chats of one tenant sent at the same time (the client's per-tenant limits apply on top).</summary>
    [Range(1, 1024, ErrorMessage = "KnovvuAnalytics:Sync:Concurrency must be between 1 and 1024.")]
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// First wait before a chat whose request failed through all the client's retries is tried again; it doubles per
    /// failure of that chat, up to <see cref="ChatRetryMaxDelay"/>. The other chats go on meanwhile.
    /// </summary>
    public TimeSpan ChatRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ChatRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one run may go on (waiting out failures and open breakers); what is left goes at the next run.</summary>
    public TimeSpan RunTimeLimit { get; set; } = TimeSpan.FromMinutes(50);
}
