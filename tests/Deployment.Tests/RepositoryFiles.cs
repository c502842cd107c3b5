using System.Xml.Linq;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>Files of the repository the deployment checks read: the compose file and the projects' container settings.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ComposeFile => Path.Combine(Root, "docker-compose.yml");

    /// <summary>The image each publishable project builds (ContainerRepository:ContainerImageTag) with its container ports.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<int>> ContainerImages() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(XDocument.Load)
            .Select(project => (
                Repository: project.Descendants("ContainerRepository").SingleOrDefault()?.Value,
                Tag: project.Descendants("ContainerImageTag").SingleOrDefault()?.Value,
                Ports: (IReadOnlyList<int>)project.Descendants("ContainerPort").Select(p => int.Parse(p.Attribute("Include")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList()))
            .Where(p => p.Repository is not null)
            .ToDictionary(p => $"{p.Repository}:{p.Tag ?? "latest"}", p => p.Ports);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docker-compose.yml")) && File.Exists(Path.Combine(dir.FullName, "KnovvuOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException("docker-compose.yml beside KnovvuOrleans.sln, above the test's folder");
    }
}
