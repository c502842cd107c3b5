using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnovvuOrleans.Hosting;

/// <summary>
/// A health answer of the silo and the gateway: the overall status, each check's status, and the details the checks
/// report (such as the librdkafka version); no exception text, which may name hosts.
/// </summary>
public sealed record HealthReportResponse(
    string Status,
    IReadOnlyDictionary<string, string> Checks,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Details)
{
    public static HealthReportResponse From(HealthReport report) =>
        new(report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            report.Entries.Where(e => e.Value.Data.Count > 0).ToDictionary(e => e.Key, e => e.Value.Data));
}
