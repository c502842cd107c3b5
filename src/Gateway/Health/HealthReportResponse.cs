using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnovvuOrleans.Gateway.Health;

/// <summary>A health answer: the overall status and each check's status (no exception text: it may name hosts).</summary>
public sealed record HealthReportResponse(string Status, IReadOnlyDictionary<string, string> Checks)
{
    public static HealthReportResponse From(HealthReport report) =>
        new(report.Status.ToString(), report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()));
}
