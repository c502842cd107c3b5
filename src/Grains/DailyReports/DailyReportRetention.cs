using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.ObjectStorage;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// Deletes a tenant's chunks of days before <see cref="Cutoff"/> (an explicit job, since S3 servers such as Swift's
/// s3api have no lifecycle rules) and its conversation log of those days, so that a report of a purged hour is never
/// built again (the API answers 404 before the cutoff).
/// </summary>
public sealed class DailyReportRetention(IObjectStore store, IConversationLog log)
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

    /// <summary>
    /// Purges the log before the cutoff in batches of <paramref name="batchSize"/>, keeping published conversations CA
    /// has not acknowledged; returns how many were deleted.
    /// </summary>
    public async Task<int> PurgeLogAsync(string tenantId, DateOnly today, int retentionMonths, int batchSize, CancellationToken cancellationToken)
    {
        var cutoff = new DateTimeOffset(Cutoff(today, retentionMonths).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var purged = 0;
        int batch;
        do
        {
            batch = await log.PurgeBeforeAsync(tenantId, cutoff, batchSize, cancellationToken);
            purged += batch;
        }
        while (batch == batchSize);

        return purged;
    }
}
