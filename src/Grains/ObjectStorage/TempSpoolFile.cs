namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>
/// A file in the temp folder, deleted when its stream is closed: large content (a call's audio) is spooled here
/// before an upload, since an S3 put needs a seekable stream of known length and the content must never sit in memory.
/// </summary>
public static class TempSpoolFile
{
    public static FileStream Create(string purpose) =>
        new(Path.Combine(Path.GetTempPath(), $"knovvu-{purpose}-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
