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

    /// <summary>Genesys wizard setup attempts per client address per <see cref="WizardSetupWindow"/>: it takes a secret, so guessing is slowed.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Gateway:RateLimit:WizardSetupAttempts must be positive.")]
    public int WizardSetupAttempts { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Gateway:RateLimit:WizardSetupWindow must be positive (at most 1 day).")]
    public TimeSpan WizardSetupWindow { get; set; } = TimeSpan.FromMinutes(1);
}
