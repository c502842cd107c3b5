using System.Text.RegularExpressions;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>
/// The environment variables docker-compose.yml gives each service, read line by line: the file keeps to plain block
/// mappings (`environment:` maps, no `- KEY=value` lists) and one merged anchor (`<<: *name`), which this reads.
/// </summary>
public sealed partial class ComposeEnvironment
{
    private ComposeEnvironment(IReadOnlyDictionary<string, string> images, IReadOnlyDictionary<string, IReadOnlyList<string>> variables)
    {
        Images = images;
        Variables = variables;
    }

    /// <summary>Each service's image.</summary>
    public IReadOnlyDictionary<string, string> Images { get; }

    /// <summary>Each service's variable names, those of merged anchors included.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Variables { get; }

    public static ComposeEnvironment Parse(string yaml)
    {
        var anchors = new Dictionary<string, List<string>>();
        var services = new Dictionary<string, List<string>>();
        var images = new Dictionary<string, string>();
        List<string>? target = null;
        var targetIndent = -1;
        string? section = null;
        string? service = null;
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (target is not null && indent <= targetIndent)
            {
                target = null;
            }

            if (indent == 0)
            {
                section = line.TrimEnd(':');
                var anchor = AnchorDefinition().Match(line);
                if (anchor.Success)
                {
                    target = anchors[anchor.Groups[1].Value] = [];
                    targetIndent = 0;
                }

                continue;
            }

            if (section == "services" && indent == 2 && line.TrimEnd().EndsWith(':'))
            {
                service = line.Trim().TrimEnd(':');
                services[service] = [];
                continue;
            }

            if (section == "services" && service is not null && indent == 4)
            {
                if (line.Trim() == "environment:")
                {
                    target = services[service];
                    targetIndent = indent;
                }
                else if (Image().Match(line) is { Success: true } image)
                {
                    images[service] = image.Groups[1].Value;
                }

                continue;
            }

            if (target is null)
            {
                continue;
            }

            if (Merge().Match(line) is { Success: true } merge)
            {
                target.AddRange(anchors[merge.Groups[1].Value]);
            }
            else if (Key().Match(line) is { Success: true } key)
            {
                target.Add(key.Groups[1].Value);
            }
        }

        return new ComposeEnvironment(images, services.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value));
    }

    [GeneratedRegex(@"^[\w-]+:\s*&([\w-]+)\s*$")]
    private static partial Regex AnchorDefinition();

    [GeneratedRegex(@"^\s+<<:\s*\*([\w-]+)\s*$")]
    private static partial Regex Merge();

    [GeneratedRegex(@"^\s+([A-Za-z_][A-Za-z0-9_]*):")]
    private static partial Regex Key();

    [GeneratedRegex(@"^\s+image:\s*(\S+)")]
    private static partial Regex Image();
}
