using Confluent.Kafka;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// The librdkafka this process runs: its version (from the library itself) and the file it was loaded from (from the
/// process's memory map), so that a deployment can prove it uses the application's own copy rather than a system one.
/// </summary>
/// <param name="Version">librdkafka's own version string, e.g. "2.16.0".</param>
/// <param name="File">Relative to the application folder when loaded from it; absolute otherwise; null when the
/// platform does not say (no /proc).</param>
public sealed record LoadedLibrdkafka(string Version, string? File)
{
    /// <summary>False only when the file is known and lies outside the application folder (a system librdkafka).</summary>
    public bool IsApplicationCopy => File is null || !Path.IsPathRooted(File);

    /// <summary>Loads librdkafka if no Kafka client has yet, and describes it.</summary>
    public static LoadedLibrdkafka Current()
    {
        var version = Library.VersionString;
        return new LoadedLibrdkafka(version, LoadedFile());
    }

    private static string? LoadedFile()
    {
        const string maps = "/proc/self/maps";
        if (!System.IO.File.Exists(maps))
        {
            return null;
        }

        // Each line: address perms offset device inode [path]; the path is the sixth field and may hold spaces.
        var path = System.IO.File.ReadLines(maps)
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6)
            .Select(fields => fields[5].Trim())
            .FirstOrDefault(p => Path.GetFileName(p).Contains("rdkafka", StringComparison.Ordinal));
        if (path is null)
        {
            return null;
        }

        var baseDirectory = Path.GetFullPath(AppContext.BaseDirectory);
        return path.StartsWith(baseDirectory, StringComparison.Ordinal) ? Path.GetRelativePath(baseDirectory, path) : path;
    }
}
