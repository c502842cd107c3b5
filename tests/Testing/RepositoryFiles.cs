namespace KnovvuOrleans.Testing;

/// <summary>Files of the repository the tests run from (found upwards from the test's folder by KnovvuOrleans.sln).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnovvuOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("KnovvuOrleans.sln above the test's folder");
    }
}
