namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>
/// A file in the temp folder, deleted when its stream is closed: large content (a call's audio) is spooled here
/// before an upload, so that only a complete download is stored (a download that breaks off leaves no object) and the
/// content never sits in memory.
/// </summary>
public static class TempSpoolFile
{
    public static FileStream Create(string purpose) =>
        new(Path.Combine(Path.GetTempPath(), $"knovvu-{purpose}-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
