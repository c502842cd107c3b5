using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.ObjectStorage;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// Deletes a tenant's chunks of days before <see cref="Cutoff"/>. An explicit job, since S3 servers such as Swift's
/// s3api have no lifecycle rules.
/// </summary>
public sealed class DailyReportRetention(IObjectStore store)
{
    /// <summary>The first day still kept: the same date <paramref name="retentionMonths"/> months before today.</summary>
    public static DateOnly Cutoff(DateOnly today, int retentionMonths) => today.AddMonths(-retentionMonths);

    /// <summary>Deletes the expired chunks; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(string tenantId, DateOnly today, int retentionMonths, CancellationToken cancellationToken)
    {
        var cutoff = Cutoff(today, retentionMonths);
        var expired = new List<string>();
        await foreach (var key in store.ListAsync(DailyReportChunkName.TenantPrefix(tenantId), cancellationToken))
        {
            if (DailyReportChunkName.DayOf(tenantId, key) is { } day && day < cutoff)
            {
                expired.Add(key);
            }
        }

        foreach (var key in expired)
        {
            await store.DeleteAsync(key, cancellationToken);
        }

        return expired.Count;
    }
}
