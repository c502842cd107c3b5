using System.Text.Json;

/// <summary>One JSON line per figure: the median of the runs, the runs, the setup and the machine.</summary>
internal static class BenchReport
{
    public static double Median(double[] runs) => runs.Order().ToArray()[runs.Length / 2];

    public static void Figure(string name, string unit, string setup, double[] runs, int digits = 0) =>
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            bench = name,
            unit,
            median = Math.Round(Median(runs), digits),
            runs = runs.Select(r => Math.Round(r, digits)).ToArray(),
            setup,
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
        }));

    /// <summary>A figure derived from others of the same run: a ratio, or a count per unit of work.</summary>
    public static void Ratio(string name, double value, string setup, string unit = "ratio") =>
        Console.WriteLine(JsonSerializer.Serialize(new { bench = name, unit, median = Math.Round(value, 3), setup }));

    /// <summary>The q-quantile (0..1) of latencies, nearest rank.</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
