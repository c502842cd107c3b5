using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// The interval of one reconciliation, by call END time: from the earlier of the last <see cref="GenesysSyncOptions.ReconcileWindow"/>
/// and the end of the last complete run (the mark), less <see cref="GenesysSyncOptions.ReconcileOverlap"/>, to the
/// run's start; never further back than <see cref="GenesysSyncOptions.ReconcileCatchUpLimit"/>. So the days on which
/// no run happened (the cluster down) are caught up by the next run.
/// </summary>
public readonly record struct GenesysReconcileWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The window of a run starting <paramref name="now"/>; <paramref name="reconciledUntil"/> is null before the first complete run.</summary>
    public static GenesysReconcileWindow At(DateTimeOffset now, DateTimeOffset? reconciledUntil, GenesysSyncOptions options)
    {
        // A mark later than the window's start (the usual daily run, or a clock ahead of this silo's) changes nothing.
        var since = reconciledUntil is { } mark && mark < now - options.ReconcileWindow ? mark : now - options.ReconcileWindow;
        var limit = now - options.ReconcileCatchUpLimit;
        var from = since - options.ReconcileOverlap;
        return new GenesysReconcileWindow(from < limit ? limit : from, now);
    }

    /// <summary>
    /// The mark after a run: its end only when nothing is left. A call that failed (a parked one counts as failed) is
    /// offered again only while a window still covers it, and a pending one may end parked, so either keeps the mark
    /// where it was: the next runs reach back to it (up to the limit) until they find nothing left. A parked call holds
    /// the mark until it is offered again and imported, or falls behind the limit; that costs wider runs, not calls.
    /// </summary>
    public static DateTimeOffset? ReconciledUntil(DateTimeOffset? mark, GenesysReconciliationSummary run) =>
        run is { Error: null, Failed: 0, Pending: 0 } ? run.IntervalEnd : mark;
}
