using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Reminders;
using KnovvuOrleans.Runtime.Storage;
using KnovvuOrleans.Runtime.Tests.Grains;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Runtime.Tests;

/// <summary>Activation, turn and timeout behaviour; it does not depend on the provider, so it runs in memory.</summary>
public sealed class RuntimeSemanticsTests : IAsyncLifetime
{
    private readonly LifecycleLog _log = new();
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await StartAsync();

    public Task DisposeAsync() => _silo.DisposeAsync().AsTask();

    private Task<TestSilo> StartAsync(Action<GrainRuntimeOptions>? configure = null) =>
        TestSilo.StartAsync(typeof(LifecycleGrain).Assembly, b => b.UseInMemory(), configure, services =>
        {
            services.AddSingleton(_log);
            services.AddSingleton(new DeliveryLog());
            services.AddSingleton(new TickLog());
        });

    [Fact]
    public async Task A_hundred_concurrent_calls_to_one_grain_never_overlap()
    {
        var grain = _silo.Client.GetGrain<ILifecycleGrain>("turns");
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => grain.Enter())));

        Assert.Equal(1, _log.MaxConcurrency);
        Assert.Equal(Enumerable.Range(1, 100), results.Order());
        Assert.Single(_log.Events, e => e == "activate turns");
    }

    [Fact]
    public async Task Calls_to_different_grains_run_at_the_same_time()
    {
        // Each of twenty grains waits until all twenty are inside a turn: if turns of different grains were
        // serialised, no call could finish and they would all time out.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _silo.Client.GetGrain<ILifecycleGrain>($"p{i}").Meet(20)));

        Assert.Equal(20, _log.Met);
    }

    [Fact]
    public async Task A_call_that_outlives_its_timeout_fails_with_a_clear_exception_and_the_grain_recovers()
    {
        await using var silo = await StartAsync(o => o.CallTimeout = TimeSpan.FromMilliseconds(300));
        var grain = silo.Client.GetGrain<ILifecycleGrain>("slow");

        var timeout = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => grain.Sleep(TimeSpan.FromSeconds(2)));
        Assert.Equal("slow", timeout.Grain.Key);
        Assert.Contains("ILifecycleGrain.Sleep", timeout.Message);

        await Eventually.TrueAsync(() => grain.Enter().Wait(TimeSpan.FromMilliseconds(250)), "the grain answering again");
    }

    [Fact]
    public async Task An_always_interleave_method_answers_during_a_long_turn()
    {
        var grain = _silo.Client.GetGrain<ILifecycleGrain>("interleave");
        await grain.Enter();
        var longTurn = grain.Sleep(TimeSpan.FromSeconds(1));

        Assert.Equal("calls=1", await grain.Status());
        Assert.False(longTurn.IsCompleted);
        await longTurn;
    }

    [Fact]
    public async Task An_idle_grain_is_deactivated_and_the_next_call_activates_it_again()
    {
        await using var silo = await StartAsync(o =>
        {
            o.IdleTimeout = TimeSpan.FromMilliseconds(200);
            o.CollectionInterval = TimeSpan.FromMilliseconds(50);
        });
        var grain = silo.Client.GetGrain<ILifecycleGrain>("idle");
        await grain.Enter();

        await Eventually.TrueAsync(() => _log.Events.Contains("deactivate idle IdleTimeout"), "idle deactivation");
        Assert.Equal(0, silo.Silo.ActivationCount);
        Assert.Equal(1, await grain.Enter());
        Assert.Equal(2, _log.Events.Count(e => e == "activate idle"));
    }

    [Fact]
    public async Task DeactivateOnIdle_runs_OnDeactivateAsync_after_the_turn()
    {
        var grain = _silo.Client.GetGrain<ILifecycleGrain>("bye");
        await grain.Enter();
        await grain.Deactivate();

        await Eventually.TrueAsync(() => _log.Events.Contains("deactivate bye ApplicationRequested"), "deactivation");
        Assert.Equal(1, await grain.Enter());
    }

    [Fact]
    public async Task A_failed_activation_fails_the_call_and_the_next_call_activates_afresh()
    {
        _log.FailActivations = 1;
        var grain = _silo.Client.GetGrain<ILifecycleGrain>("fragile");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Enter());
        Assert.Equal("activation refused", failure.Message);
        Assert.Equal(1, await grain.Enter());
    }

    [Fact]
    public async Task Stopping_the_silo_deactivates_every_activation()
    {
        await using var silo = await StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => silo.Client.GetGrain<ILifecycleGrain>($"s{i}").Enter()));
        await silo.StopAsync();

        Assert.Equal(5, _log.Events.Count(e => e.EndsWith(" ShuttingDown", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_reminder_period_below_the_minimum_is_refused()
    {
        await using var silo = await StartAsync(o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => silo.Client.GetGrain<IReminderGrain>("too-fast").Start(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(0, 10)]     // fired on time: next is one period later
    [InlineData(25, 30)]    // fired late within the period
    [InlineData(95, 100)]   // nine periods missed: still only the next one after now
    [InlineData(100, 110)]  // exactly on a later tick: that tick counts as passed
    public void The_next_due_time_is_the_first_scheduled_time_after_now(int nowSeconds, int expectedSeconds)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var reminder = new ReminderEntry(new GrainId("g", "k"), "r", 0, start, TimeSpan.FromSeconds(10), start, 1);

        Assert.Equal(start.AddSeconds(expectedSeconds), ReminderService.NextDue(reminder, start.AddSeconds(nowSeconds)));
    }

    [Fact]
    public void A_grain_cannot_be_constructed_outside_the_runtime()
    {
        var failure = Assert.Throws<System.Reflection.TargetInvocationException>(
            () => Activator.CreateInstance(typeof(LifecycleGrain), _log));
        Assert.Contains("IGrainFactory.GetGrain", failure.InnerException!.Message);
    }
}
