using System.Collections.Concurrent;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>Reminder ticks as the grains saw them. The test cluster's silos run in the test process, so a static works.</summary>
public static class ReminderTicks
{
    private static readonly ConcurrentQueue<Tick> Ticks = new();

    public static void Record(string grain, string silo) => Ticks.Enqueue(new Tick(grain, silo, DateTime.UtcNow));

    public static IReadOnlyList<Tick> Of(string grain) => Ticks.Where(t => t.Grain == grain).ToList();

    public sealed record Tick(string Grain, string Silo, DateTime At);
}
