using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.GenesysCloud;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>How far back a reconciliation reaches (defaults: 24 h window, 1 h overlap, 7 days catch-up limit), and when its end becomes the mark.</summary>
public sealed class GenesysReconcileWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly GenesysSyncOptions Options = new();

    [Fact]
    public void The_first_run_without_a_mark_looks_at_the_last_24_h_plus_the_overlap()
    {
        Assert.Equal(new GenesysReconcileWindow(Now.AddHours(-25), Now), GenesysReconcileWindow.At(Now, null, Options));
    }

    [Fact]
    public void A_daily_run_overlaps_the_previous_one_by_an_hour_even_when_it_starts_late()
    {
        Assert.Equal(Now.AddHours(-25), GenesysReconcileWindow.At(Now, Now.AddDays(-1), Options).From);
        // Yesterday's run started 20 minutes late, today's on time: the plain 25 h, which covers back past its end.
        Assert.Equal(Now.AddHours(-25), GenesysReconcileWindow.At(Now, Now.AddDays(-1).AddMinutes(20), Options).From);
        // Today's starts 30 minutes late: back to yesterday's end less the overlap, not just the last 25 h.
        Assert.Equal(Now.AddHours(-25), GenesysReconcileWindow.At(Now.AddMinutes(30), Now.AddDays(-1), Options).From);
    }

    [Fact]
    public void After_three_days_down_the_run_reaches_back_to_the_last_complete_run_less_the_overlap()
    {
        var window = GenesysReconcileWindow.At(Now, Now.AddDays(-3), Options);

        Assert.Equal(new GenesysReconcileWindow(Now.AddDays(-3).AddHours(-1), Now), window);
    }

    [Fact]
    public void After_thirty_days_down_the_run_reaches_back_only_to_the_catch_up_limit()
    {
        Assert.Equal(Now.AddDays(-7), GenesysReconcileWindow.At(Now, Now.AddDays(-30), Options).From);
        // Just inside the limit, the overlap is what the limit cuts.
        Assert.Equal(Now.AddDays(-7), GenesysReconcileWindow.At(Now, Now.AddDays(-7).AddMinutes(30), Options).From);
        Assert.Equal(Now.AddDays(-2), GenesysReconcileWindow.At(Now, Now.AddDays(-30), new GenesysSyncOptions { ReconcileCatchUpLimit = TimeSpan.FromDays(2) }).From);
    }

    [Fact]
    public void A_mark_in_the_future_from_a_clock_ahead_gives_the_plain_daily_window()
    {
        Assert.Equal(new GenesysReconcileWindow(Now.AddHours(-25), Now), GenesysReconcileWindow.At(Now, Now.AddHours(2), Options));
    }

    [Fact]
    public void Only_a_run_that_left_nothing_failed_or_pending_moves_the_mark_to_its_end()
    {
        var mark = Now.AddDays(-3);

        Assert.Equal(Now, GenesysReconcileWindow.ReconciledUntil(mark, Run(failed: 0, pending: 0, error: null)));
        Assert.Equal(Now, GenesysReconcileWindow.ReconciledUntil(null, Run(failed: 0, pending: 0, error: null)));
        Assert.Equal(mark, GenesysReconcileWindow.ReconciledUntil(mark, Run(failed: 1, pending: 0, error: null)));
        Assert.Equal(mark, GenesysReconcileWindow.ReconciledUntil(mark, Run(failed: 0, pending: 2, error: null)));
        Assert.Equal(mark, GenesysReconcileWindow.ReconciledUntil(mark, Run(failed: 0, pending: 0, error: "Genesys answered 503")));
        Assert.Null(GenesysReconcileWindow.ReconciledUntil(null, Run(failed: 0, pending: 0, error: "Genesys answered 503")));
    }

    private static GenesysReconciliationSummary Run(int failed, int pending, string? error) =>
        new(Now, Now.AddMinutes(5), Now.AddHours(-25), Now, failed + pending, 0, 0, pending, failed, 0, error);
}
