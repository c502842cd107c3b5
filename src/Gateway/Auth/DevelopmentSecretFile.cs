namespace KnovvuOrleans.Gateway.Auth;

/// <summary>
/// A generated secret kept in a file readable only by its owner, so that a Development gateway keeps its signing key
/// and host secret across restarts without anyone writing them into configuration.
/// </summary>
internal static class DevelopmentSecretFile
{
    public static string ReadOrCreate(string path, Func<string> generate)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var value = generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(value);
            return value;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another gateway process created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }
    }
}
