using System.Globalization;
using KnovvuOrleans.Grains.Abstractions.Tenants;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>
/// Where a chunk lives: <c>{tenantId}/daily-report-{yyyy-MM-dd}-{HH}.zip</c>, the hour as two digits so that a
/// tenant's chunks list in time order; the zip holds one entry with the same name ending in <c>.json</c>.
/// </summary>
public static class DailyReportChunkName
{
    public const string DayFormat = "yyyy-MM-dd";

    private const string Stem = "daily-report-";

    public static string ObjectKey(string tenantId, DateOnly day, int hour) => $"{tenantId}/{FileName(day, hour)}";

    public static string FileName(DateOnly day, int hour) => $"{FileStem(day, hour)}.zip";

    public static string EntryName(DateOnly day, int hour) => $"{FileStem(day, hour)}.json";

    /// <summary>The prefix all of a tenant's chunks share.</summary>
    public static string TenantPrefix(string tenantId) => $"{tenantId}/{Stem}";

    /// <summary>The day a chunk key names; null when the key is not a chunk's.</summary>
    public static DateOnly? DayOf(string tenantId, string key)
    {
        var prefix = TenantPrefix(tenantId);
        if (!key.StartsWith(prefix, StringComparison.Ordinal) || key.Length < prefix.Length + DayFormat.Length)
        {
            return null;
        }

        return DateOnly.TryParseExact(key.AsSpan(prefix.Length, DayFormat.Length), DayFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var day)
            ? day
            : null;
    }

    public static string GrainKey(string tenantId, DateOnly day) => TenantKey.For(tenantId, FormatDay(day));

    public static string FormatDay(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static string FileStem(DateOnly day, int hour) =>
        $"{Stem}{FormatDay(day)}-{hour.ToString("00", CultureInfo.InvariantCulture)}";
}
