using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>
/// docker-compose.yml as compose reads it: YAML with anchors, aliases and merge keys (<c>&lt;&lt;: *name</c>) resolved,
/// each service's image, environment variables, published ports, health check, dependencies, restart policy and
/// volumes.
/// </summary>
public sealed class ComposeEnvironment
{
    private ComposeEnvironment(IReadOnlyDictionary<string, ComposeService> services) => Services = services;

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    /// <summary>Each service's image.</summary>
    public IReadOnlyDictionary<string, string> Images =>
        Services.Where(s => s.Value.Image is not null).ToDictionary(s => s.Key, s => s.Value.Image!);

    /// <summary>Each service's variable names, those of merged anchors included.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Variables =>
        Services.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value.Environment.Keys.ToList());

    public static ComposeEnvironment Parse(string yaml)
    {
        var root = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<object, object?>>(new MergingParser(new Parser(new StringReader(yaml))));
        var services = Map(root["services"]).ToDictionary(s => (string)s.Key, s => ComposeService.From(Map(s.Value)));
        return new ComposeEnvironment(services);
    }

    internal static Dictionary<object, object?> Map(object? node) =>
        node as Dictionary<object, object?> ?? throw new InvalidDataException($"Expected a mapping, found {node}.");

    internal static List<object?> List(object? node) =>
        node as List<object?> ?? throw new InvalidDataException($"Expected a list, found {node}.");
}

/// <summary>One service of the compose file, as far as the checks read it.</summary>
public sealed record ComposeService(
    string? Image,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Ports,
    IReadOnlyList<string>? HealthCheck,
    IReadOnlyDictionary<string, string?> DependsOn,
    string? Restart,
    IReadOnlyList<string> Volumes)
{
    public static ComposeService From(Dictionary<object, object?> service)
    {
        string? Text(string key) => service.TryGetValue(key, out var value) ? value?.ToString() : null;
        IReadOnlyList<string> Texts(string key) => service.TryGetValue(key, out var value) && value is not null
            ? ComposeEnvironment.List(value).Select(v => v!.ToString()!).ToList()
            : [];

        var environment = service.TryGetValue("environment", out var env) && env is not null
            ? ComposeEnvironment.Map(env).ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? "")
            : [];
        var health = service.TryGetValue("healthcheck", out var check) && check is not null
            ? ComposeEnvironment.List(ComposeEnvironment.Map(check)["test"]).Select(t => t!.ToString()!).ToList()
            : null;
        var dependsOn = service.TryGetValue("depends_on", out var deps) && deps is not null
            ? deps is List<object?> names
                ? names.ToDictionary(n => n!.ToString()!, _ => (string?)null)
                : ComposeEnvironment.Map(deps).ToDictionary(d => (string)d.Key, d => ComposeEnvironment.Map(d.Value).GetValueOrDefault("condition")?.ToString())
            : [];
        return new ComposeService(Text("image"), environment, Texts("ports"), health, dependsOn, Text("restart"), Texts("volumes"));
    }

    /// <summary>The container side of each published port ("8082:8080" publishes the container's 8080).</summary>
    public IEnumerable<int> ContainerPorts => Ports.Select(p => int.Parse(p.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The ports of the service's Urls variable (http://0.0.0.0:8080;http://0.0.0.0:9464).</summary>
    public IReadOnlyList<int> UrlPorts => Environment.TryGetValue("Urls", out var urls)
        ? urls.Split(';').Select(u => new Uri(u.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port).ToList()
        : [];
}
