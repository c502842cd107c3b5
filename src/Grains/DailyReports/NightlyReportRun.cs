using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// One night's work for one day: a first pass over the 24 hours of every enabled tenant, then retry passes over the
/// chunks that failed, until each is stored or has had <see cref="DailyReportOptions.MaxAttempts"/>; then retention
/// (chunks and conversation log) for every tenant, enabled or not, so that switching reports off does not keep data
/// past its retention.
/// </summary>
internal sealed class NightlyReportRun(
    DateOnly day, DateOnly today, IGrainFactory grains, DailyReportBuilder builder, DailyReportRetention retention, DailyReportOptions options,
    ILogger logger)
{
    // Status() reads while the run's background work writes.
    private readonly Lock _lock = new();
    private readonly List<string> _tenants = [];
    private readonly List<string> _gaveUp = [];
    private int _chunksStored;
    private int _expiredDeleted;
    private int _conversationsPurged;

    public DailyReportRunStatus Status(string day, bool completed)
    {
        lock (_lock)
        {
            return new(day, !completed, completed, [.. _tenants], _chunksStored, [.. _gaveUp], _expiredDeleted, _conversationsPurged);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var all = new List<(string Id, TenantFeatures Features)>();
        foreach (var profile in await grains.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key).List())
        {
            if (await grains.GetGrain<ITenantGrain>(profile.Id).GetFeatures() is { } features)
            {
                all.Add((profile.Id, features));
            }
        }

        var enabled = all.Where(t => t.Features.DailyReports.Enabled).Select(t => t.Id).ToList();
        lock (_lock)
        {
            _tenants.AddRange(enabled);
        }

        for (var pass = 1; pass <= options.MaxAttempts; pass++)
        {
            foreach (var tenantId in enabled)
            {
                var report = grains.GetGrain<IDailyReportGrain>(DailyReportChunkName.GrainKey(tenantId, day));
                foreach (var chunk in await report.GetChunks())
                {
                    if (chunk.State is ChunkState.Pending or ChunkState.Failed or ChunkState.Stale)
                    {
                        await AttemptAsync(tenantId, report, chunk, cancellationToken);
                    }
                }
            }
        }

        await CountFromChunkStatesAsync(enabled);
        foreach (var (tenantId, features) in all)
        {
            var deleted = await retention.DeleteExpiredAsync(tenantId, today, features.DailyReports.RetentionMonths, cancellationToken);
            var purged = await retention.PurgeLogAsync(tenantId, today, features.DailyReports.RetentionMonths, options.PurgeBatchSize, cancellationToken);
            lock (_lock)
            {
                _expiredDeleted += deleted;
                _conversationsPurged += purged;
            }
        }
    }

    // The chunk states, not this start's counters, are the day's outcome: a resumed run stored only the rest.
    private async Task CountFromChunkStatesAsync(List<string> tenants)
    {
        var stored = 0;
        var gaveUp = new List<string>();
        foreach (var tenantId in tenants)
        {
            var chunks = await grains.GetGrain<IDailyReportGrain>(DailyReportChunkName.GrainKey(tenantId, day)).GetChunks();
            stored += chunks.Count(c => c.State == ChunkState.Stored);
            gaveUp.AddRange(chunks.Where(c => c.State == ChunkState.GaveUp).Select(c => DailyReportChunkName.ObjectKey(tenantId, day, c.Hour)));
        }

        lock (_lock)
        {
            _chunksStored = stored;
            _gaveUp.Clear();
            _gaveUp.AddRange(gaveUp);
        }
    }

    private async Task AttemptAsync(string tenantId, IDailyReportGrain report, ChunkStatus previous, CancellationToken cancellationToken)
    {
        var hour = previous.Hour;
        var attempt = await builder.AttemptAsync(tenantId, day, hour, previous.LateArrivals, logger, cancellationToken);
        var status = await report.RecordAttempt(attempt, options.MaxAttempts);
        lock (_lock)
        {
            if (status.State == ChunkState.Stored)
            {
                _chunksStored++;
            }
            else if (status.State == ChunkState.GaveUp)
            {
                _gaveUp.Add(DailyReportChunkName.ObjectKey(tenantId, day, hour));
            }
        }
    }
}
