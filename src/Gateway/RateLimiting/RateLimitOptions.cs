namespace KnovvuOrleans.Gateway.RateLimiting;

/// <summary>Limits on incoming requests (configuration section "Gateway:RateLimit").</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimit";

    /// <summary>Requests one tenant's clients may make per <see cref="TenantWindow"/>, so one tenant cannot starve the others.</summary>
    public int TenantPermits { get; set; } = 1000;

    public TimeSpan TenantWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Genesys wizard setup attempts per client address per <see cref="WizardSetupWindow"/>: it takes a secret, so guessing is slowed.</summary>
    public int WizardSetupAttempts { get; set; } = 20;

    public TimeSpan WizardSetupWindow { get; set; } = TimeSpan.FromMinutes(1);
}
