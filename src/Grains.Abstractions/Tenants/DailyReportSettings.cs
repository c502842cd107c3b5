using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>Daily conversation reports (seed 003): on or off, and how many months chunks are kept.</summary>
[GenerateSerializer, Alias("knovvu.DailyReportSettings")]
public sealed record DailyReportSettings(bool Enabled, int RetentionMonths)
{
    public const int MinRetentionMonths = 1;

    public const int MaxRetentionMonths = 3;

    public void Validate(ValidationErrors errors, string prefix)
    {
        if (RetentionMonths is < MinRetentionMonths or > MaxRetentionMonths)
        {
            errors.Add($"{prefix}.retentionMonths",
                $"retentionMonths must be between {MinRetentionMonths} and {MaxRetentionMonths}.");
        }
    }
}
