using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Gateway.RateLimiting;

/// <summary>Limits on incoming requests (configuration section "Gateway:RateLimit").</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimit";

    /// <summary>Requests one tenant's clients may make per <see cref="TenantWindow"/>, so one tenant cannot starve the others.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Gateway:RateLimit:TenantPermits must be positive.")]
    public int TenantPermits { get; set; } = 1000;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "Gateway:RateLimit:TenantWindow must be positive (at most 1 hour).")]
    public TimeSpan TenantWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// VA sessions of one tenant recorded per second by the whole cluster, however many gateways
    /// (<see cref="TenantIngestLimiter"/>): far above any tenant's busiest hour (10,000 conversations a day peak at about
    /// 0.4/s), low enough that one tenant's bulk load leaves the others their share of the database.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Gateway:RateLimit:TenantSessionsPerSecond must be between 1 and 1000000.")]
    public int TenantSessionsPerSecond { get; set; } = 200;

    /// <summary>How long a batch may wait for its turn at that rate; a batch that would wait longer is answered 429.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Gateway:RateLimit:TenantIngestQueue must be between 1 second and 10 minutes.")]
    public TimeSpan TenantIngestQueue { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Genesys wizard setup attempts per client address per <see cref="WizardSetupWindow"/>: it takes a secret, so guessing is slowed.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Gateway:RateLimit:WizardSetupAttempts must be positive.")]
    public int WizardSetupAttempts { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Gateway:RateLimit:WizardSetupWindow must be positive (at most 1 day).")]
    public TimeSpan WizardSetupWindow { get; set; } = TimeSpan.FromMinutes(1);
}
