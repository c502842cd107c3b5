using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>
/// The host's part of the VA → Knovvu Analytics integration: how many sessions per hour are sent for the tenant
/// (a public Knovvu note caps it at 1,000; the overflow goes the next hour).
/// </summary>
[GenerateSerializer, Alias("knovvu.VaToCaSettings")]
public sealed record VaToCaSettings(int SessionsPerHourCap)
{
    public const int DefaultSessionsPerHourCap = 1000;

    public const int MaxSessionsPerHourCap = 100_000;

    public void Validate(ValidationErrors errors, string prefix)
    {
        if (SessionsPerHourCap is < 1 or > MaxSessionsPerHourCap)
        {
            errors.Add($"{prefix}.sessionsPerHourCap", $"sessionsPerHourCap must be between 1 and {MaxSessionsPerHourCap}.");
        }
    }
}
