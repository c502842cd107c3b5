namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>A zip in the temp folder that is deleted when its stream is closed, so a chunk never sits in memory.</summary>
public static class TempZipFile
{
    public static FileStream Create() =>
        new(Path.Combine(Path.GetTempPath(), $"knovvu-report-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
