namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>The VA → CA hourly job (configuration section "KnovvuAnalytics:Sync").</summary>
public sealed class CaSyncOptions
{
    public const string SectionName = "KnovvuAnalytics:Sync";

    /// <summary>How often the job runs for each enabled tenant; each run sends at most the tenant's hourly cap.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Chats of one tenant sent at the same time (the client's per-tenant limits apply on top).</summary>
    public int Concurrency { get; set; } = 8;
}
