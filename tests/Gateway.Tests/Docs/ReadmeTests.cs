using System.Text.RegularExpressions;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Gateway.Tests.Docs;

/// <summary>The README is the front door: short enough to read, and every link in it leads to a file of the repo.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string[] Readme = File.ReadAllLines(RepositoryFiles.PathOf("README.md"));

    [Fact]
    public void The_README_has_at_most_220_lines() => Assert.InRange(Readme.Length, 1, 220);

    [Fact]
    public void Every_relative_link_of_the_README_resolves_to_a_file_of_the_repository()
    {
        var links = Readme.SelectMany(line => MarkdownLink().Matches(line)).Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#'))
            .ToList();

        Assert.NotEmpty(links);
        var missing = links.Select(target => target.Split('#')[0])
            .Where(path => !File.Exists(RepositoryFiles.PathOf(path)) && !Directory.Exists(RepositoryFiles.PathOf(path)))
            .ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
